package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import io.hns.model.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * CA {@code expander/waste}: the options leaving the smallest unused fraction of cpu plus memory,
 * {@code (Σcap.cpu − Σreq.cpu)/Σcap.cpu + (Σcap.mem − Σreq.mem)/Σcap.mem}, where Σcap is the
 * template node's capacity times the node count and Σreq the option's pods' requests; ties at
 * random.
 */
final class LeastWasteExpander implements Expander {
  private final RandomExpander fallback = new RandomExpander();

  @Override
  public ExpansionOption bestOption(List<ExpansionOption> options, RandomGenerator random) {
    double least = Double.POSITIVE_INFINITY;
    List<ExpansionOption> best = new ArrayList<>();
    for (ExpansionOption o : options) {
      double w = wastedScore(o);
      if (w < least) {
        least = w;
        best.clear();
      }
      if (w == least) {
        best.add(o);
      }
    }
    return fallback.bestOption(best, random);
  }

  static double wastedScore(ExpansionOption o) {
    long cpu = 0;
    long mem = 0;
    for (Pod p : o.pods()) {
      cpu += p.spec().requests().milliCpu();
      mem += p.spec().requests().memory();
    }
    Resources cap = o.template().node().capacity();
    double availCpu = (double) cap.milliCpu() * o.nodeCount();
    double availMem = (double) cap.memory() * o.nodeCount();
    return (availCpu - cpu) / availCpu + (availMem - mem) / availMem;
  }
}
