package io.hns.model.scheduler;

import io.hns.model.cluster.Pod;
import java.util.Arrays;
import java.util.List;

/**
 * Equivalence classes of nodes for one scheduling cycle. Two nodes are in the same class when they
 * are provably indistinguishable to every plugin that declares itself class-safe for the cycle
 * ({@link FilterPlugin#filterByClass}, {@link ScorePlugin#scoreByClass}): the same interned
 * {@link NodeStatic} (all labels but the hostname, taints, allocatable, cordoning, images), equal
 * sums ({@link NodeInfo#sameSums}) and the same number of non-terminating pods of the incoming
 * pod's controller. A VMSS pool's nodes mostly fall into a few classes, so filters and scores run
 * once per class instead of once per node.
 *
 * <p>Scratch space owned by one {@link Scheduler} (not thread-safe), reused from cycle to cycle: an
 * open-addressing table from a hash of the class key to the class, with every candidate checked
 * field by field against the class's first node (a hash collision never merges classes).
 */
final class NodeClasses {
  private static final long M = 0x9E3779B97F4A7C15L;
  private static final Object UNKNOWN = new Object();

  private int[] slots = new int[64]; // class + 1; 0 = empty
  private long[] slotHash = new long[64];
  private int[] usedSlots = new int[32];
  private int used;
  private NodeInfo[] reps = new NodeInfo[16];
  private NodeStatic[] repStatic = new NodeStatic[16];
  private int[] repOwned = new int[16];
  private Object[] filterResult = new Object[16];
  private long[] score = new long[16];
  private boolean[] scored = new boolean[16];
  private int count;
  private String ownerUid;
  private NodeStatic.Interner interner;

  /** Starts a cycle for {@code pod} on {@code snapshot}. */
  void reset(ClusterSnapshot snapshot, Pod pod) {
    for (int i = 0; i < used; i++) {
      slots[usedSlots[i]] = 0;
    }
    used = 0;
    Arrays.fill(reps, 0, count, null);
    count = 0;
    int need = Integer.highestOneBit(Math.max(16, snapshot.size() * 2 + 2) - 1) << 1;
    if (slots.length < need) {
      slots = new int[need];
      slotHash = new long[need];
    }
    interner = snapshot.interner();
    ownerUid = pod.owner() == null ? null : pod.owner().uid();
  }

  /** The class of {@code node}, creating it when the node is the first of its kind this cycle. */
  int classOf(NodeInfo node) {
    NodeStatic st = node.nodeStatic(interner);
    int owned = ownerUid == null ? 0 : node.podsOwnedBy(ownerUid);
    long h = (st.id * M + node.sumsHash()) * M + owned;
    int mask = slots.length - 1;
    int i = (int) (h ^ (h >>> 31)) & mask;
    while (true) {
      int c = slots[i];
      if (c == 0) {
        return add(i, h, node, st, owned);
      }
      c--;
      if (slotHash[i] == h && repStatic[c] == st && repOwned[c] == owned && reps[c].sameSums(node)) {
        return c;
      }
      i = (i + 1) & mask;
    }
  }

  private int add(int slot, long h, NodeInfo node, NodeStatic st, int owned) {
    int c = count++;
    if (c == reps.length) {
      int n = reps.length * 2;
      reps = Arrays.copyOf(reps, n);
      repStatic = Arrays.copyOf(repStatic, n);
      repOwned = Arrays.copyOf(repOwned, n);
      filterResult = Arrays.copyOf(filterResult, n);
      score = Arrays.copyOf(score, n);
      scored = Arrays.copyOf(scored, n);
    }
    reps[c] = node;
    repStatic[c] = st;
    repOwned[c] = owned;
    filterResult[c] = UNKNOWN;
    slots[slot] = c + 1;
    slotHash[slot] = h;
    if (used == usedSlots.length) {
      usedSlots = Arrays.copyOf(usedSlots, used * 2);
    }
    usedSlots[used++] = slot;
    return c;
  }

  boolean filtered(int c) {
    return filterResult[c] != UNKNOWN;
  }

  @SuppressWarnings("unchecked")
  List<String> filterResult(int c) {
    return (List<String>) filterResult[c];
  }

  void setFilterResult(int c, List<String> reasons) {
    filterResult[c] = reasons;
  }

  /** Forgets the scores of the previous plugin. */
  void clearScores() {
    Arrays.fill(scored, 0, count, false);
  }

  boolean scored(int c) {
    return scored[c];
  }

  long score(int c) {
    return score[c];
  }

  void setScore(int c, long s) {
    score[c] = s;
    scored[c] = true;
  }
}
