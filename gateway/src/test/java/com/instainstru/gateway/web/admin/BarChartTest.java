package com.instainstru.gateway.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.gateway.web.admin.AdminViews.DayActivity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static List<DayActivity> days(LocalDate first, long... bookings) {
        List<DayActivity> days = new ArrayList<>();
        for (int i = 0; i < bookings.length; i++) {
            days.add(new DayActivity(first.plusDays(i), bookings[i], BigDecimal.ZERO, bookings[i] * 3, bookings[i], "USD"));
        }
        return days;
    }

    @Test
    void barsAreAsTallAsTheirShareOfTheHighestDayAndStandOnTheBaseline() {
        BarChart chart = BarChart.of("Bookings", days(LocalDate.of(2026, 10, 30), 4, 0, 2, 1),
                DayActivity::date, DayActivity::bookings, null);
        assertThat(chart.max()).isEqualTo(4);
        assertThat(chart.bars()).hasSize(4);
        BarChart.Bar highest = chart.bars().get(0);
        BarChart.Bar half = chart.bars().get(2);
        assertThat(half.height()).isCloseTo(highest.height() / 2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(chart.bars().get(1).height()).isZero();
        for (BarChart.Bar b : chart.bars()) {
            assertThat(b.y() + b.height()).isCloseTo(chart.baseline(), org.assertj.core.data.Offset.offset(0.1));
            assertThat(b.x()).isGreaterThanOrEqualTo(chart.left()).isLessThan(chart.width());
        }
        // The first day and the first of each month are labelled.
        assertThat(chart.ticks()).extracting(BarChart.Tick::label).containsExactly("Oct 30", "Nov 1");
    }

    @Test
    void anOverlayIsDrawnOverItsDayAndAnEmptyRangeHasNoZeroDivision() {
        BarChart chart = BarChart.of("Searches", days(LocalDate.of(2026, 11, 1), 1, 2),
                DayActivity::date, DayActivity::searches, DayActivity::zeroResultSearches);
        assertThat(chart.bars()).hasSize(4);
        assertThat(chart.bars().get(1).alt()).isTrue();
        assertThat(chart.bars().get(1).x()).isEqualTo(chart.bars().get(0).x());
        assertThat(chart.bars().get(1).value()).isEqualTo(1);
        BarChart quiet = BarChart.of("Nothing", days(LocalDate.of(2026, 11, 1), 0, 0), DayActivity::date,
                DayActivity::bookings, null);
        assertThat(quiet.max()).isEqualTo(1);
        assertThat(quiet.bars()).allSatisfy(b -> assertThat(b.height()).isZero());
    }

    @Test
    void searchTermsAreSplitTrimmedAndDeduplicated() {
        assertThat(AdminPages.terms(" theremin, electronic music ,,theremin\netherphone")).containsExactly("theremin",
                "electronic music", "etherphone");
        assertThat(AdminPages.terms(null)).isEmpty();
    }
}
