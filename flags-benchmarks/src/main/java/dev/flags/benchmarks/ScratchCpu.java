package dev.flags.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.eval.Murmur3;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;

public class ScratchCpu {
	static int sink;
	static final int MASK = Integer.getInteger("mask", 1023);
	public static void main(String[] args) {
		FlagSnapshot snapshot = FlagSnapshot.of(BenchmarkData.definitions());
		FlagContext[] contexts = BenchmarkData.contexts();
		Map<String, Integer> thresholds = new HashMap<>();
		for (Flag flag : snapshot.definitions().flags()) thresholds.put(flag.key(), flag.rollout().intValue() * 1000);
		String[] inputs = new String[1024];
		byte[][] bytes = new byte[1024][];
		for (int i = 0; i < 1024; i++) { inputs[i] = "new-search:user-" + i; bytes[i] = inputs[i].getBytes(StandardCharsets.UTF_8); }
		String on = BenchmarkData.FLAG_ON, off = BenchmarkData.FLAG_OFF, ro = BenchmarkData.FLAG_ROLLOUT, rule = BenchmarkData.FLAG_RULE, exp = BenchmarkData.FLAG_EXPERIMENT;
		Map<String, IntPredicate> ops = new java.util.LinkedHashMap<>();
		ops.put("floor", i -> Integer.remainderUnsigned(Murmur3.hash32(inputs[i].getBytes(StandardCharsets.UTF_8)), 100000) < thresholds.get(ro));
		ops.put("floorStrict", i -> Integer.remainderUnsigned(Murmur3.hash32(bytes[i]), 100000) < thresholds.get(ro));
		ops.put("flagOn", i -> snapshot.isEnabled(on, contexts[i]));
		ops.put("flagOff", i -> snapshot.isEnabled(off, contexts[i]));
		ops.put("rollout25", i -> snapshot.isEnabled(ro, contexts[i]));
		ops.put("ruleAndSegment", i -> snapshot.isEnabled(rule, contexts[i]));
		ops.put("experimentVariant", i -> snapshot.variant(exp, contexts[i], null) == "control");
		java.util.List<Flag> extra = new java.util.ArrayList<>(snapshot.definitions().flags());
		dev.flags.core.model.Condition plan = dev.flags.core.model.Condition.of("plan", dev.flags.core.model.Operator.IN, "pro", "enterprise");
		dev.flags.core.model.Condition country = dev.flags.core.model.Condition.of("country", dev.flags.core.model.Operator.IN, "DE", "FR", "NL", "ES", "SE", "IT", "PL");
		dev.flags.core.model.Condition groups = dev.flags.core.model.Condition.of("groups", dev.flags.core.model.Operator.IN, "beta", "early-access");
		dev.flags.core.model.Condition seg = dev.flags.core.model.Condition.inSegment(BenchmarkData.SEGMENT);
		extra.add(Flag.builder("x-hash").rollout(10).build());
		extra.add(Flag.builder("x-plan").rollout(10).rule(dev.flags.core.model.Rule.rollout(100, plan)).build());
		extra.add(Flag.builder("x-plan-all").rollout(10).rule(dev.flags.core.model.Rule.rollout(100, dev.flags.core.model.Condition.of("plan", dev.flags.core.model.Operator.IN, "pro", "enterprise", "free"))).build());
		extra.add(Flag.builder("x-country").rollout(10).rule(dev.flags.core.model.Rule.rollout(100, country)).build());
		extra.add(Flag.builder("x-groups").rollout(10).rule(dev.flags.core.model.Rule.rollout(100, groups)).build());
		extra.add(Flag.builder("x-seg").rollout(10).rule(dev.flags.core.model.Rule.rollout(100, seg)).build());
		extra.add(Flag.builder("x-three").rollout(10).rule(dev.flags.core.model.Rule.rollout(100, plan, country, groups)).build());
		extra.add(Flag.builder("x-allpass").rollout(10).rule(dev.flags.core.model.Rule.rollout(100,
			dev.flags.core.model.Condition.of("plan", dev.flags.core.model.Operator.IN, "pro", "enterprise", "free"),
			dev.flags.core.model.Condition.of("country", dev.flags.core.model.Operator.IN, "DE", "FR", "NL", "ES", "SE", "IT", "US", "GB"),
			dev.flags.core.model.Condition.of("groups", dev.flags.core.model.Operator.IN, "beta", "early-access", "newsletter"),
			dev.flags.core.model.Condition.inSegment("everyone"))).build());
		extra.add(Flag.builder("x-d0").rollout(0).rule(dev.flags.core.model.Rule.rollout(100, plan, country, groups, seg)).build());
		java.util.List<dev.flags.core.model.Segment> segs = new java.util.ArrayList<>(snapshot.definitions().segments());
		segs.add(dev.flags.core.model.Segment.of("everyone", dev.flags.core.model.SegmentRule.of(dev.flags.core.model.Condition.of("email", dev.flags.core.model.Operator.CONTAINS, "@"))));
		FlagSnapshot x = FlagSnapshot.of(dev.flags.core.json.DefinitionsCodec.read(dev.flags.core.json.DefinitionsCodec.write(dev.flags.core.model.Definitions.of(extra, segs))));
		for (String k : new String[] {"x-hash", "x-plan", "x-plan-all", "x-country", "x-groups", "x-seg", "x-three", "x-allpass", "x-d0"}) {
			ops.put(k, i -> x.isEnabled(k, contexts[i]));
		}
		String[] users = new String[1024];
		for (int i = 0; i < 1024; i++) users[i] = "user-" + i;
		Murmur3.Prefix pre = Murmur3.prefix("new-search:");
		ops.put("h-stream", i -> pre.hash32(users[i], "") > 0);
		ops.put("h-stream-variant", i -> pre.hash32(users[i], ":variant") > 0);
		ops.put("h-bytes", i -> Murmur3.hash32(bytes[i]) > 0);
		ops.put("h-getbytes", i -> Murmur3.hash32(inputs[i].getBytes(StandardCharsets.UTF_8)) > 0);
		ops.put("rotate", i -> users[i].length() > 7);
		java.util.Set<String> planSet = new java.util.HashSet<>(java.util.List.of("pro", "enterprise", "free"));
		ops.put("m-attr", i -> contexts[i].plainAttribute("plan") != null);
		ops.put("m-attr-set", i -> planSet.contains(contexts[i].plainAttribute("plan")));
		ops.put("m-attr-inst", i -> { Object v = contexts[i].plainAttribute("plan"); return v instanceof String && planSet.contains(v); });
		ops.put("m-attr-list", i -> { Object v = contexts[i].plainAttribute("plan"); return !(v instanceof java.util.List) && planSet.contains(v); });
		@SuppressWarnings("unchecked") Map<String, Object>[] mapn = new Map[1024];
		@SuppressWarnings("unchecked") Map<String, Object>[] hm = new Map[1024];
		for (int i = 0; i < 1024; i++) { mapn[i] = Map.copyOf(contexts[i].attributes()); hm[i] = new HashMap<>(contexts[i].attributes()); }
		ops.put("m-hm4", i -> { Map<String, Object> m = hm[i]; return m.get("plan") == "pro" && m.get("country") == "DE" && m.get("email") != null && m.get("groups") != null; });
		ops.put("m-mapn4", i -> { Map<String, Object> m = mapn[i]; return m.get("plan") == "pro" && m.get("country") == "DE" && m.get("email") != null && m.get("groups") != null; });
		ops.put("m-hm4all", i -> { Map<String, Object> m = hm[i]; return (m.get("plan") != null) & (m.get("country") != null) & (m.get("email") != null) & (m.get("groups") != null); });
		ops.put("m-mapn4all", i -> { Map<String, Object> m = mapn[i]; return (m.get("plan") != null) & (m.get("country") != null) & (m.get("email") != null) & (m.get("groups") != null); });
		java.util.Set<String> countrySet = new java.util.HashSet<>(java.util.List.of("DE", "FR", "NL", "ES", "SE", "IT", "US", "GB"));
		java.util.Set<String> groupSet = new java.util.HashSet<>(java.util.List.of("beta", "early-access", "newsletter"));
		java.util.Set<String> exSet = new java.util.HashSet<>(java.util.List.of("user-3"));
		java.util.Set<String> inSet = new java.util.HashSet<>(java.util.List.of("user-7", "user-70"));
		ops.put("m-hand", i -> {
			FlagContext c = contexts[i];
			Object vp = c.plainAttribute("plan");
			if (!(vp instanceof String) || !planSet.contains(vp)) return false;
			Object vc = c.plainAttribute("country");
			if (!(vc instanceof String) || !countrySet.contains(vc)) return false;
			Object vg = c.plainAttribute("groups");
			boolean any = false;
			if (vg instanceof java.util.List<?> l) { for (int j = 0; j < l.size(); j++) if (groupSet.contains(l.get(j))) { any = true; break; } }
			if (!any) return false;
			String key = c.key();
			if (exSet.contains(key)) return false;
			if (inSet.contains(key)) return true;
			Object email = c.plainAttribute("email");
			return email instanceof String e && e.contains("@");
		});
		String only = args.length > 0 ? args[0] : null;
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		IntPredicate floorOp = ops.get("floor");
		IntPredicate op = ops.get(only);
		double bestFloor = Double.MAX_VALUE, best = Double.MAX_VALUE;
		for (int round = 0; round < 60; round++) {
			for (int which = 0; which < 2; which++) {
				IntPredicate o = (which == 0) ? floorOp : op;
				int n = 1_000_000;
				long t0 = mx.getCurrentThreadCpuTime();
				int s = 0;
				for (int k = 0; k < n; k++) { if (o.test(k & MASK)) s++; }
				long t1 = mx.getCurrentThreadCpuTime();
				sink += s;
				double t = (t1 - t0) / (double) n;
				if (which == 0) bestFloor = Math.min(bestFloor, t); else best = Math.min(best, t);
			}
		}
		System.out.printf("%-20s %8.2f ns  floor %8.2f ns  ratio %.2f%n", only, best, bestFloor, best / bestFloor);
	}
}
