package com.instainstru.gateway.web.teach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the instructor's pages read of the services' answers (other fields are ignored). */
public final class TeachViews {

    private TeachViews() {
    }

    /** GET /api/v1/bookings/instructors/stats: one instructor's lessons by status over a range. */
    public record Stats(UUID instructorId, long confirmed, long upcoming, long completed, long cancelled, long noShows,
            BigDecimal earnings, String currency) {
    }

    public record TimeRange(String start, String end) {
    }

    public record DayWindows(LocalDate date, List<TimeRange> windows, boolean blackout) {

        public DayWindows {
            windows = windows == null ? List.of() : windows;
        }
    }

    /** GET /api/v1/availability/me: the instructor's windows, blackout dates and settings over a range. */
    public record MyAvailability(UUID instructorId, String timeZone, int minNoticeHours, int bufferMinutes,
            int horizonDays, List<DayWindows> dates) {

        public MyAvailability {
            dates = dates == null ? List.of() : dates;
        }

        public DayWindows on(LocalDate date) {
            return dates.stream().filter(d -> d.date().equals(date)).findFirst()
                    .orElse(new DayWindows(date, List.of(), false));
        }
    }

    /** GET /api/v1/catalog/areas. */
    public record Borough(String name, List<String> neighbourhoods) {

        public Borough {
            neighbourhoods = neighbourhoods == null ? List.of() : neighbourhoods;
        }
    }

    public record Market(BigDecimal priceP25, BigDecimal priceP50, BigDecimal priceP75, Integer bookings30d,
            String currency) {

        public boolean known() {
            return priceP50 != null;
        }
    }

    public record PriceRange(BigDecimal min, BigDecimal max, String currency) {
    }

    /** A catalog service an instructor can choose to teach, with the market's prices for it. */
    public record ServiceOption(UUID id, String slug, String name, String categoryName, boolean active,
            int instructorCount, PriceRange priceRange, Market analytics) {

        public Market market() {
            return analytics == null ? new Market(null, null, null, null, null) : analytics;
        }
    }

    public record CategoryOptions(String slug, String name, List<ServiceOption> services) {

        public CategoryOptions {
            services = services == null ? List.of() : services;
        }
    }

    /** GET /api/v1/catalog/all?include=offerable. */
    public record Offerable(List<CategoryOptions> categories) {

        public Offerable {
            categories = categories == null ? List.of() : categories;
        }

        public List<ServiceOption> services() {
            return categories.stream().flatMap(c -> c.services().stream()).toList();
        }
    }
}
