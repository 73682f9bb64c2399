package io.hns.live.guard;

import io.hns.live.LiveActions;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Workload;
import java.util.ArrayList;
import java.util.List;

/** A cluster stand-in that records the calls that reach it; evictions answer from a script. */
public final class RecordingActions implements LiveActions {
  public final List<String> calls = new ArrayList<>();
  public boolean evictionAllowed = true;
  public RuntimeException failWith;

  private void call(String s) {
    if (failWith != null) throw failWith;
    calls.add(s);
  }

  @Override public void scale(String ns, String kind, String name, int replicas, String reason) { call("scale " + kind + "/" + ns + "/" + name + " " + replicas); }
  @Override public void createPod(Pod pod, String reason) { call("create " + pod.key()); }
  @Override public void deletePod(String ns, String name, String reason) { call("delete " + ns + "/" + name); }
  @Override public boolean evictPod(String ns, String name, String reason) { call("evict " + ns + "/" + name); return evictionAllowed; }
  @Override public void taintNode(String node, Taint taint, boolean add) { call((add ? "taint " : "untaint ") + node); }
  @Override public void event(String ref, String type, String reason, String message) { call("event " + ref); }
  @Override public void patchPodTemplate(Workload w, PodSpec rewritten, String reason) { call("patch " + w.namespace() + "/" + w.name()); }
  @Override public void setPodDeletionCost(String ns, String pod, int cost, String reason) { call("cost " + ns + "/" + pod + " " + cost); }
}
