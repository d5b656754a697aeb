package dev.flags.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application gated by flags, for the Spring tests: {@code new-checkout} (off),
 * {@code new-search} (disabled) and the experiment {@code pricing} are defined in
 * {@code application.yml}.
 */
@SpringBootApplication
public class TestApplication {

}
