package io.hns.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.resource.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  @Test
  void freshNamesSkipPlaceholdersAdoptedFromAnEarlierProcess() {
    var adopted = List.of(
        Placeholders.create("web", "hns-overprovision-0", "overprovision", "headroom", Resources.of(100, 1), -1),
        Placeholders.create("web", "hns-overprovision-2", "overprovision", "headroom", Resources.of(100, 1), -1),
        Placeholders.create("other", "hns-overprovision-1", "overprovision", "headroom", Resources.of(100, 1), -1));
    long[] counter = {0};
    assertThat(Placeholders.freshName(adopted, "web", "hns-overprovision-", counter)).isEqualTo("hns-overprovision-1");
    assertThat(Placeholders.freshName(adopted, "web", "hns-overprovision-", counter)).isEqualTo("hns-overprovision-3");
    assertThat(counter[0]).isEqualTo(4);
    // Nothing taken (the simulator's case): the plain counter.
    long[] fresh = {0};
    assertThat(Placeholders.freshName(List.of(), "web", "hns-backfill-api-", fresh)).isEqualTo("hns-backfill-api-0");
  }
}
