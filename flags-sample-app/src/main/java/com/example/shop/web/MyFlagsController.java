package com.example.shop.web;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which flags the current visitor gets, and why: a page for the curious, and a JSON view for
 * scripts and tests.
 */
@RestController
class MyFlagsController {

	private final FlagService flags;

	MyFlagsController(FlagService flags) {
		this.flags = flags;
	}

	@GetMapping(path = "/my-flags", produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		FlagContext visitor = this.flags.currentContext();
		FlagSnapshot snapshot = this.flags.snapshot();
		StringBuilder body = new StringBuilder("<h1>Your flags</h1><p>Context key <code>")
			.append(Page.escape(String.valueOf(visitor.key())))
			.append("</code>, attributes <code>")
			.append(Page.escape(visitor.attributes().toString()))
			.append("</code></p><table><tr><th>flag</th><th>kind</th><th>state</th><th>variant</th><th>reason</th><th>rule</th></tr>");
		for (Flag flag : snapshot.definitions().flags()) {
			// From the snapshot, which tells no listener: looking at one's flags is not being shown a variant
			Evaluation evaluation = snapshot.evaluate(flag.key(), visitor);
			body.append("<tr data-flag=\"").append(flag.key()).append("\"><td>").append(flag.key())
				.append("</td><td>").append(flag.kind().json())
				.append("</td><td class=\"").append(evaluation.enabled() ? "on\">on" : "off\">off")
				.append("</td><td>").append((evaluation.variant() != null) ? Page.escape(evaluation.variant()) : "")
				.append("</td><td>").append(evaluation.reason())
				.append("</td><td>").append(ruleOf(flag, evaluation)).append("</td></tr>");
		}
		return Page.render("Your flags", body.append("</table>").toString());
	}

	@GetMapping(path = "/my-flags", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Evaluation> json() {
		FlagContext visitor = this.flags.currentContext();
		Map<String, Evaluation> evaluations = new LinkedHashMap<>();
		FlagSnapshot snapshot = this.flags.snapshot();
		for (Flag flag : snapshot.definitions().flags()) {
			evaluations.put(flag.key(), snapshot.evaluate(flag.key(), visitor));
		}
		return evaluations;
	}

	private static String ruleOf(Flag flag, Evaluation evaluation) {
		Integer rule = evaluation.rule();
		if (rule == null) {
			return "";
		}
		String description = flag.rules().get(rule).description();
		return "#" + rule + ((description != null) ? " " + Page.escape(description) : "");
	}

}
