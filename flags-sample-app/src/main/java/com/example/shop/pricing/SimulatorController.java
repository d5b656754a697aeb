package com.example.shop.pricing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /simulate?visitors=2000}: sends synthetic visitors through the pricing experiment
 * and says where to read the results.
 */
@RestController
class SimulatorController {

	private final TrafficSimulator simulator;

	SimulatorController(TrafficSimulator simulator) {
		this.simulator = simulator;
	}

	@PostMapping("/simulate")
	ResponseEntity<Map<String, Object>> simulate(@RequestParam(defaultValue = "1000") int visitors) {
		Map<String, Map<String, Long>> outcome;
		try {
			outcome = this.simulator.simulate(visitors, ThreadLocalRandom.current());
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(ex.getMessage())));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("experiment", PricingController.EXPERIMENT);
		body.put("visitors", visitors);
		body.put("byVariant", outcome);
		body.put("results", "/actuator/experiments/" + PricingController.EXPERIMENT);
		return ResponseEntity.ok(body);
	}

}
