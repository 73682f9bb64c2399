package io.hns.live.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The model values of the objects in some informers' caches, compiled once per resourceVersion:
 * a loop every few seconds over thousands of pods would otherwise recompile them all each time.
 * An object that does not compile is skipped and reported, so one odd object cannot stop the loop.
 */
final class CompiledStore<F extends HasMetadata, M> {
  private record Entry<M>(String resourceVersion, M value) {}

  private final List<SharedIndexInformer<F>> informers;
  private final Function<F, M> compiler;
  private final BiConsumer<F, RuntimeException> onError;
  private final Map<String, Entry<M>> cache = new ConcurrentHashMap<>();

  CompiledStore(List<SharedIndexInformer<F>> informers, Function<F, M> compiler, BiConsumer<F, RuntimeException> onError) {
    this.informers = List.copyOf(informers);
    this.compiler = compiler;
    this.onError = onError;
  }

  List<SharedIndexInformer<F>> informers() {
    return informers;
  }

  List<M> list() {
    List<M> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SharedIndexInformer<F> informer : informers) {
      for (F o : informer.getStore().list()) {
        String key = key(o);
        seen.add(key);
        String rv = o.getMetadata().getResourceVersion();
        Entry<M> e = cache.get(key);
        if (e == null || rv == null || !rv.equals(e.resourceVersion())) {
          try {
            e = new Entry<>(rv, compiler.apply(o));
            cache.put(key, e);
          } catch (RuntimeException ex) {
            onError.accept(o, ex);
            continue;
          }
        }
        out.add(e.value());
      }
    }
    cache.keySet().retainAll(seen);
    return out;
  }

  private static String key(HasMetadata o) {
    var m = o.getMetadata();
    return m.getUid() != null ? m.getUid() : m.getNamespace() + "/" + m.getName();
  }
}
