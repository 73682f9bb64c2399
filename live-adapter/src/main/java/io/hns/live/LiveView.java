package io.hns.live;

import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.model.port.ClusterView;
import java.util.List;

/**
 * What a live cluster shows beyond the model's {@link ClusterView}: HPAs and pod usage. (PDBs are
 * the model's own {@link ClusterView#disruptionBudgets()}.)
 */
public interface LiveView extends ClusterView {
  List<HpaSpec> hpas();

  /** The latest samples of {@code metrics.k8s.io}; empty when the metrics API is unavailable. */
  List<PodUsage> podUsage();
}
