package io.hns.cli;

import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.model.manifest.HpaCompiler;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.manifest.PodMetricsCompiler;
import io.hns.model.manifest.SourcedObject;
import io.hns.model.manifest.WorkloadCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The files of {@code hns explain hpa}, read and narrowed to what the HPA controller would see:
 * the pods its target's selector matches in its namespace, and their samples.
 *
 * @param target the workload from {@code --target}, or null when the pods are taken as a whole
 * @param pods the pods in the HPA's namespace (matching the target's selector when there is one)
 * @param samples the samples of those pods
 */
record HpaInputs(HpaSpec hpa, Workload target, List<Pod> pods, List<PodUsage> samples) {

  static HpaInputs load(Path hpaFile, Path podsFile, Path metricsFile, Path targetFile) {
    HpaSpec hpa = readHpa(hpaFile);
    Workload target = targetFile == null ? null : readTarget(targetFile, hpa);
    LabelSelector selector = target == null ? LabelSelector.EVERYTHING : target.selector();
    List<Pod> pods = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read(podsFile)) {
      Pod p = PodCompiler.compile(o);
      if (p.namespace().equals(hpa.namespace()) && selector.matches(p.labels())) {
        pods.add(p);
      }
    }
    if (pods.isEmpty()) {
      throw new UsageError(podsFile + ": no pods in namespace " + hpa.namespace()
          + (target == null ? "" : " match the selector of " + target.kind() + " " + target.name()));
    }
    Set<String> names = pods.stream().map(Pod::name).collect(Collectors.toSet());
    List<PodUsage> samples = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read(metricsFile)) {
      PodUsage u = PodMetricsCompiler.compile(o);
      // The metrics API filters on the labels metrics-server copies into each sample (so a sample of a
      // pod the pod list lacks still counts upstream); hand-written samples often have no labels, so
      // a sample of a selected pod counts either way.
      boolean selected = names.contains(u.name()) || (!u.labels().isEmpty() && selector.matches(u.labels()));
      if (u.namespace().equals(hpa.namespace()) && selected) {
        samples.add(u);
      }
    }
    return new HpaInputs(hpa, target, List.copyOf(pods), List.copyOf(samples));
  }

  private static HpaSpec readHpa(Path file) {
    List<SourcedObject> objects = ManifestReader.read(file);
    if (objects.size() != 1) {
      throw new UsageError(file + ": holds " + objects.size() + " objects; --hpa takes a file with one HorizontalPodAutoscaler");
    }
    return HpaCompiler.compile(objects.get(0));
  }

  /** The workload the HPA's scaleTargetRef names, from a file that may hold several. */
  private static Workload readTarget(Path file, HpaSpec hpa) {
    for (SourcedObject o : ManifestReader.read(file)) {
      Workload w = WorkloadCompiler.compile(o);
      if (w.kind().equals(hpa.scaleTargetRef().kind()) && w.name().equals(hpa.scaleTargetRef().name())
          && w.namespace().equals(hpa.namespace())) {
        return w;
      }
    }
    throw new UsageError(file + ": holds no " + hpa.scaleTargetRef().kind() + " " + hpa.scaleTargetRef().name()
        + " in namespace " + hpa.namespace() + " (the HPA's scaleTargetRef)");
  }

  /** Pods a ReplicaSet would count: not terminal and not being deleted. */
  int activePods() {
    return (int) pods.stream().filter(Pod::isActive).count();
  }

  long newestSample() {
    return samples.stream().mapToLong(PodUsage::timestamp).max().orElseThrow();
  }
}
