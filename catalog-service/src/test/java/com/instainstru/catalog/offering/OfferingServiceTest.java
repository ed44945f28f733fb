package com.instainstru.catalog.offering;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.platform.problem.ApiException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class OfferingServiceTest {

    @Property
    void distinctQuarterHourLengthsAreAccepted(
            @ForAll @Size(min = 1, max = 15) @UniqueElements List<@IntRange(min = 2, max = 16) Integer> quarters) {
        List<Integer> minutes = quarters.stream().map(q -> q * 15).toList();
        assertThatCode(() -> OfferingService.checkDurations(minutes)).doesNotThrowAnyException();
    }

    @Property
    void aRepeatedLengthIsRejected(@ForAll @Size(min = 1, max = 7) List<@IntRange(min = 2, max = 16) Integer> quarters) {
        List<Integer> minutes = new ArrayList<>(quarters.stream().map(q -> q * 15).toList());
        minutes.add(minutes.get(0));
        assertThatThrownBy(() -> OfferingService.checkDurations(minutes)).isInstanceOf(ApiException.class);
    }

    @Property
    void aLengthOffTheQuarterHourIsRejected(@ForAll @IntRange(min = 30, max = 240) int minutes) {
        if (minutes % 15 != 0) {
            assertThatThrownBy(() -> OfferingService.checkDurations(List.of(minutes))).isInstanceOf(ApiException.class);
        }
    }
}
