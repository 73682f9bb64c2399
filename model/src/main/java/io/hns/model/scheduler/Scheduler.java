package io.hns.model.scheduler;

import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One kube-scheduler scheduling cycle (pkg/scheduler/schedule_one.go): filter the nodes, score the
 * feasible ones when there are two or more, pick the highest total, breaking ties uniformly at
 * random from the caller's seeded stream. Clusters of 100 nodes or more stop filtering after
 * {@code numFeasibleNodesToFind} feasible nodes, starting where the previous cycle stopped. A
 * scheduler instance holds that rotating start index and scratch space for the equivalence classes
 * of nodes; it is not thread-safe.
 */
public final class Scheduler {
  static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
  static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

  private final SchedulerProfile profile;
  private final NodeClasses classes = new NodeClasses();
  private int nextStartNodeIndex;

  public Scheduler(SchedulerProfile profile) {
    this.profile = profile;
  }

  public SchedulerProfile profile() {
    return profile;
  }

  /**
   * Places the pod (without binding it); {@code explain} records every node's detail.
   *
   * <p>Nodes are grouped into equivalence classes ({@link NodeClasses}); a filter or score plugin
   * that declares itself class-safe for the cycle runs once per class and its result is shared by
   * the class's nodes. Node order, the early stop, normalization and tie-breaking are per node as
   * upstream, so the decision is the same as evaluating every node.
   */
  public Placement schedule(Pod pod, ClusterSnapshot snapshot, RandomGenerator random, boolean explain) {
    CycleState cycle = new CycleState(pod, snapshot);
    List<FilterPlugin> filters = profile.filters();
    Object[] filterStates = new Object[filters.size()];
    boolean filterByClass = true;
    for (int i = 0; i < filters.size(); i++) {
      filterStates[i] = filters.get(i).preFilter(cycle);
      filterByClass &= filters.get(i).filterByClass(cycle, filterStates[i]);
    }
    List<NodeInfo> all = snapshot.nodes();
    int n = all.size();
    int toFind = explain ? n : numFeasibleNodesToFind(n);
    classes.reset(snapshot, pod);
    List<NodeInfo> feasible = new ArrayList<>(Math.min(n, toFind));
    int[] feasibleClass = filterByClass ? new int[Math.min(n, toFind)] : null;
    // Reasons are kept by node name only to explain; otherwise only while nothing fits (FitError).
    Map<String, List<String>> rejected = explain ? new LinkedHashMap<>() : null;
    List<List<String>> failures = explain ? null : new ArrayList<>();
    int processed = 0;
    int index = n == 0 ? 0 : nextStartNodeIndex % n;
    for (; processed < n && feasible.size() < toFind; processed++) {
      NodeInfo node = all.get(index);
      if (++index == n) {
        index = 0;
      }
      List<String> reasons;
      int c = -1;
      if (filterByClass) {
        c = classes.classOf(node);
        if (classes.filtered(c)) {
          reasons = classes.filterResult(c);
        } else {
          reasons = runFilters(cycle, filters, filterStates, node);
          classes.setFilterResult(c, reasons);
        }
      } else {
        reasons = runFilters(cycle, filters, filterStates, node);
      }
      if (reasons == null) {
        if (feasibleClass != null) {
          feasibleClass[feasible.size()] = c;
        }
        feasible.add(node);
      } else if (explain) {
        rejected.put(node.name(), reasons);
      } else if (feasible.isEmpty()) {
        failures.add(reasons);
      }
    }
    if (n > 0) {
      nextStartNodeIndex = (nextStartNodeIndex + processed) % n;
    }
    if (feasible.isEmpty()) {
      return new Placement(null, 0, fitError(n, explain ? rejected.values() : failures),
          explain ? evaluations(all, rejected, List.of(), null) : List.of(), List.of());
    }
    if (feasible.size() == 1 && !explain) {
      return new Placement(feasible.get(0).name(), 1, null, List.of(), List.of());
    }
    Scores scored = score(cycle, feasible, feasibleClass, explain);
    long[] totals = scored.totals();
    long[][] scores = scored.perNode();
    int selected = selectHost(totals, random);
    if (!explain) {
      return new Placement(feasible.get(selected).name(), feasible.size(), null, List.of(), List.of());
    }
    ScoreTable table = new ScoreTable(feasible, scores, totals);
    List<String> ranking = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < feasible.size(); i++) order.add(i);
    order.sort(Comparator.comparingLong((Integer i) -> -totals[i]).thenComparing(i -> i == selected ? 0 : 1));
    order.forEach(i -> ranking.add(feasible.get(i).name()));
    return new Placement(feasible.get(selected).name(), feasible.size(), null,
        evaluations(all, rejected, ranking, table), ranking);
  }

  /**
   * The first node, in snapshot order, that passes every filter, or null: the cluster autoscaler's
   * "can this pod be placed on an existing node" check (PreFilter and Filter plugins only).
   */
  public String firstFeasible(Pod pod, ClusterSnapshot snapshot) {
    CycleState cycle = new CycleState(pod, snapshot);
    List<FilterPlugin> filters = profile.filters();
    Object[] states = new Object[filters.size()];
    for (int i = 0; i < filters.size(); i++) {
      states[i] = filters.get(i).preFilter(cycle);
    }
    for (NodeInfo node : snapshot.nodes()) {
      if (runFilters(cycle, filters, states, node) == null) {
        return node.name();
      }
    }
    return null;
  }

  /**
   * The index of the first node of {@code candidates}, from {@code from} on, that {@code accept}
   * admits (null admits all) and that passes every filter, or -1. PreFilter runs once, so checking
   * a pod against many nodes costs one pass over the snapshot plus one filter run per node: the
   * cluster autoscaler's {@code FitsAnyNodeMatching} over a chosen set of nodes (drain
   * destinations, nodes added by its binpacking). The candidates must belong to {@code snapshot}.
   */
  public int firstFeasible(Pod pod, ClusterSnapshot snapshot, List<NodeInfo> candidates, int from,
      java.util.function.Predicate<NodeInfo> accept) {
    if (from >= candidates.size()) {
      return -1;
    }
    CycleState cycle = new CycleState(pod, snapshot);
    List<FilterPlugin> filters = profile.filters();
    Object[] states = new Object[filters.size()];
    for (int i = 0; i < filters.size(); i++) {
      states[i] = filters.get(i).preFilter(cycle);
    }
    for (int i = Math.max(0, from); i < candidates.size(); i++) {
      NodeInfo node = candidates.get(i);
      if ((accept == null || accept.test(node)) && runFilters(cycle, filters, states, node) == null) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the pod passes every filter on that one node. */
  public boolean fits(Pod pod, ClusterSnapshot snapshot, String nodeName) {
    CycleState cycle = new CycleState(pod, snapshot);
    List<FilterPlugin> filters = profile.filters();
    Object[] states = new Object[filters.size()];
    for (int i = 0; i < filters.size(); i++) {
      states[i] = filters.get(i).preFilter(cycle);
    }
    NodeInfo node = snapshot.get(nodeName);
    return node != null && runFilters(cycle, filters, states, node) == null;
  }

  /** The reasons the pod fails on that node (null when it fits). */
  public List<String> reasons(Pod pod, ClusterSnapshot snapshot, String nodeName) {
    CycleState cycle = new CycleState(pod, snapshot);
    List<FilterPlugin> filters = profile.filters();
    Object[] states = new Object[filters.size()];
    for (int i = 0; i < filters.size(); i++) {
      states[i] = filters.get(i).preFilter(cycle);
    }
    return runFilters(cycle, filters, states, snapshot.get(nodeName));
  }

  private static List<String> runFilters(CycleState cycle, List<FilterPlugin> filters, Object[] states, NodeInfo node) {
    for (int i = 0; i < filters.size(); i++) {
      List<String> reasons = filters.get(i).filter(cycle, states[i], node);
      if (reasons != null) {
        return reasons;
      }
    }
    return null;
  }

  /**
   * @param perNode scores[plugin][feasible node], normalized (a skipped plugin scores 0
   *     everywhere); only when explaining
   * @param totals the weighted sum per feasible node
   */
  private record Scores(long[][] perNode, long[] totals) {}

  /**
   * Scores the feasible nodes. A class-safe plugin scores one node per class; if its NormalizeScore
   * is class-safe too it normalizes one score per class, and its weighted score is added once per
   * class to totals that every node of the class then shares.
   *
   * @param feasibleClass the class of each feasible node, or null when not computed yet
   */
  private Scores score(CycleState filtering, List<NodeInfo> feasible, int[] feasibleClass, boolean explain) {
    List<WeightedScorer> scorers = profile.scorers();
    int size = feasible.size();
    if (feasibleClass == null) {
      feasibleClass = new int[size];
      for (int i = 0; i < size; i++) {
        feasibleClass[i] = classes.classOf(feasible.get(i));
      }
    }
    // The first feasible node of each class represents it; repOf[i] is node i's representative.
    List<NodeInfo> reps = new ArrayList<>();
    int[] repOf = new int[size];
    classes.clearScores();
    for (int i = 0; i < size; i++) {
      int c = feasibleClass[i];
      if (!classes.scored(c)) {
        classes.setScore(c, reps.size());
        reps.add(feasible.get(i));
      }
      repOf[i] = (int) classes.score(c);
    }
    CycleState cycle = new CycleState(filtering.pod(), filtering.snapshot(), new FeasibleClasses(feasible, reps, repOf));
    int r = reps.size();
    long[] classTotals = new long[r];
    long[] totals = new long[size];
    long[][] perNode = explain ? new long[scorers.size()][] : null;
    for (int p = 0; p < scorers.size(); p++) {
      ScorePlugin plugin = scorers.get(p).plugin();
      int weight = scorers.get(p).weight();
      Object state = plugin.preScore(cycle, feasible);
      if (state == ScorePlugin.SKIP) {
        if (explain) perNode[p] = new long[size];
        continue;
      }
      boolean byClass = plugin.scoreByClass(cycle, state);
      long[] rs = null;
      if (byClass) {
        rs = new long[r];
        for (int k = 0; k < r; k++) {
          rs[k] = plugin.score(cycle, state, reps.get(k));
        }
      }
      if (byClass && plugin.normalizeByClass(cycle, state)) {
        plugin.normalize(cycle, state, reps, rs);
        for (int k = 0; k < r; k++) {
          classTotals[k] += rs[k] * weight;
        }
        if (explain) {
          long[] sp = new long[size];
          for (int i = 0; i < size; i++) sp[i] = rs[repOf[i]];
          perNode[p] = sp;
        }
      } else {
        long[] sp = new long[size];
        for (int i = 0; i < size; i++) {
          sp[i] = byClass ? rs[repOf[i]] : plugin.score(cycle, state, feasible.get(i));
        }
        plugin.normalize(cycle, state, feasible, sp);
        for (int i = 0; i < size; i++) {
          totals[i] += sp[i] * weight;
        }
        if (explain) perNode[p] = sp;
      }
    }
    for (int i = 0; i < size; i++) {
      totals[i] += classTotals[repOf[i]];
    }
    return new Scores(perNode, totals);
  }

  /** selectHost: the highest total; among equal totals, each is chosen with equal probability. */
  private static int selectHost(long[] totals, RandomGenerator random) {
    int selected = 0;
    int count = 1;
    for (int i = 1; i < totals.length; i++) {
      if (totals[i] > totals[selected]) {
        selected = i;
        count = 1;
      } else if (totals[i] == totals[selected]) {
        count++;
        if (random.nextInt(count) == 0) {
          selected = i;
        }
      }
    }
    return selected;
  }

  /** numFeasibleNodesToFind: all nodes below 100, else an adaptive percentage, at least 100. */
  int numFeasibleNodesToFind(int numAllNodes) {
    if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) {
      return numAllNodes;
    }
    int percentage = profile.percentageOfNodesToScore();
    if (percentage == 0) {
      percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - numAllNodes / 125);
    }
    if (percentage >= 100) {
      return numAllNodes;
    }
    return Math.max(MIN_FEASIBLE_NODES_TO_FIND, numAllNodes * percentage / 100);
  }

  /** FitError.Error(): "0/N nodes are available: " + sorted "count reason" histogram. */
  static String fitError(int numAllNodes, Map<String, List<String>> rejected) {
    return fitError(numAllNodes, rejected.values());
  }

  /** FitError.Error() from the reasons of every rejected node. */
  static String fitError(int numAllNodes, java.util.Collection<List<String>> rejected) {
    Map<String, Integer> histogram = new TreeMap<>();
    rejected.forEach(reasons -> reasons.forEach(r -> histogram.merge(r, 1, Integer::sum)));
    List<String> parts = new ArrayList<>();
    histogram.forEach((reason, count) -> parts.add(count + " " + reason));
    Collections.sort(parts);
    return "0/" + numAllNodes + " nodes are available: " + String.join(", ", parts) + ".";
  }

  private record ScoreTable(List<NodeInfo> feasible, long[][] scores, long[] totals) {}

  private List<NodeEvaluation> evaluations(
      List<NodeInfo> all, Map<String, List<String>> rejected, List<String> ranking, ScoreTable table) {
    List<NodeEvaluation> out = new ArrayList<>();
    for (NodeInfo node : all) {
      List<String> reasons = rejected.get(node.name());
      if (reasons != null) {
        out.add(new NodeEvaluation(node.name(), false, reasons, Map.of(), 0));
        continue;
      }
      int i = table.feasible().indexOf(node);
      Map<String, Long> byPlugin = new LinkedHashMap<>();
      for (int p = 0; p < profile.scorers().size(); p++) {
        byPlugin.merge(profile.scorers().get(p).plugin().name(), table.scores()[p][i], Long::sum);
      }
      out.add(new NodeEvaluation(node.name(), true, List.of(), byPlugin, table.totals()[i]));
    }
    return out;
  }
}
