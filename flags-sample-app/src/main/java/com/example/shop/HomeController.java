package com.example.shop;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's front page.
 */
@RestController
class HomeController {

	@GetMapping("/")
	Map<String, String> home() {
		return Map.of("shop", "flags sample shop", "status", "open");
	}

}
