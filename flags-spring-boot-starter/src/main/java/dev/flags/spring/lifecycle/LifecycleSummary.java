package dev.flags.spring.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.flags.core.lifecycle.FlagReference;
import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.lifecycle.StaleFlag;

/**
 * The lifecycle report in a few lines, for the log.
 */
final class LifecycleSummary {

	private static final String LINE = System.lineSeparator() + "    ";

	private LifecycleSummary() {
	}

	static String of(LifecycleReport report) {
		long temporary = report.flags().stream().filter((flag) -> flag.kind().isTemporary()).count();
		StringBuilder summary = new StringBuilder("Flag lifecycle: ").append(count(report.flags().size(), "flag"))
			.append(" (").append(temporary).append(" temporary); ")
			.append(count(report.stale().size(), "stale flag")).append(", ")
			.append(count(report.undefined().size(), "reference")).append(" to undefined flags, ")
			.append(count(report.unreferenced().size(), "temporary flag")).append(" not referenced yet");
		for (StaleFlag stale : report.stale()) {
			summary.append(LINE).append("stale: ").append(stale.key()).append(" (").append(stale.kind().json())
				.append("): ").append(stale.description()).append("; suggested: ").append(stale.action());
		}
		undefinedByKey(report).forEach((key, locations) -> summary.append(LINE).append("undefined: '").append(key)
			.append("' is not a defined flag, so it serves the caller's default; referenced by ")
			.append(String.join(", ", locations)));
		if (!report.unreferenced().isEmpty()) {
			summary.append(LINE).append("not referenced: ").append(String.join(", ", report.unreferenced()))
				.append(" (no @FeatureFlag names them and no FlagService call has asked for them yet)");
		}
		for (String problem : report.problems()) {
			summary.append(LINE).append("problem: ").append(problem);
		}
		return summary.toString();
	}

	static Map<String, List<String>> undefinedByKey(LifecycleReport report) {
		Map<String, List<String>> byKey = new LinkedHashMap<>();
		for (FlagReference reference : report.undefined()) {
			byKey.computeIfAbsent(reference.key(), (key) -> new ArrayList<>()).add(reference.location());
		}
		return byKey;
	}

	private static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
