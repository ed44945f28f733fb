package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.client.SearchViews.Answer;
import com.instainstru.gateway.web.client.SearchViews.Parsed;
import com.instainstru.gateway.web.client.SearchViews.Result;
import com.instainstru.platform.web.Ids;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * /search?q=…: what search-service found for the words, with one removable chip per understood constraint,
 * a notice when a constraint was given up, instructor cards with their next bookable times, 20 a page with
 * "Show more", filters, and an empty state that says what to change.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    static final int PAGE_SIZE = 20;

    @Inject
    PageServices services;

    /** One way to change the filter (an option of a select). */
    public record Option(String value, String label, boolean selected) {
    }

    public record FilterView(String kept, String minPrice, String maxPrice, List<Option> days, List<Option> times,
            List<Option> places) {
    }

    /** A next free time of a card; it names its instructor itself (a page reads no outer value in a loop). */
    public record TimeLink(OffsetDateTime start, String url, String instructorName) {
    }

    public record Card(Result result, int position, String profileUrl, List<TimeLink> times, int duration) {
    }

    public record SearchView(String q, Answer answer, List<SearchQuery.Chip> chips, String relaxedNotice,
            List<Card> cards, int firstPosition, String moreUrl, boolean unavailable, FilterView filters) {

        public boolean empty() {
            return answer != null && cards.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);

        static native TemplateInstance search$more(SearchView view);
    }

    @GET
    public Uni<Response> search(@RestQuery String q, @RestQuery String cursor, @RestQuery String shown,
            @RestQuery String kept, @RestQuery("min") String minPrice, @RestQuery("max") String maxPrice,
            @RestQuery String day, @RestQuery String time, @RestQuery String where,
            @RestHeader("HX-Request") String htmx) {
        if (kept != null) {
            return Uni.createFrom().item(filtered(kept, minPrice, maxPrice, day, time, where));
        }
        if (q == null || q.isBlank()) {
            return Uni.createFrom().item(Response.ok(Templates.search(blank())).build());
        }
        int offset = shown(shown);
        String uri = "/api/v1/search?limit=" + PAGE_SIZE + "&q=" + PageServices.encode(q.strip())
                + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + PageServices.encode(cursor));
        boolean more = htmx != null && cursor != null;
        return services.read("search", uri, null, Answer.class, "search results")
                .map(part -> render(q.strip(), part, offset, more));
    }

    /** The filter form's choices become words of the query; the page is then the search of that query. */
    private Response filtered(String kept, String minPrice, String maxPrice, String day, String time, String where) {
        String query;
        try {
            query = SearchQuery.withFilters(kept, minPrice, maxPrice, day, time, where);
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest("The filters could not be read: " + e.getMessage() + ".");
        }
        return Response.seeOther(URI.create("/search?q=" + PageServices.encode(query))).build();
    }

    private Response render(String q, Part<Answer> part, int offset, boolean more) {
        if (!part.ok() && !part.unavailable()) {
            throw part.status() == 400 ? PageException.badRequest("The search could not be read: " + part.detail() + ".")
                    : new PageException(part.status(), "The search could not be done", part.detail());
        }
        if (part.unavailable()) {
            SearchView view = new SearchView(q, null, List.of(), null, List.of(), 1, null, true, filters(Parsed.NOTHING));
            return Response.status(503).entity(Templates.search(view)).build();
        }
        Answer answer = part.value();
        List<Card> cards = cards(answer, offset);
        String moreUrl = answer.nextCursor() == null ? null : "/search?q=" + PageServices.encode(q) + "&cursor="
                + PageServices.encode(answer.nextCursor()) + "&shown=" + (offset + cards.size());
        SearchView view = new SearchView(q, answer, SearchQuery.chips(answer.parsed(), answer.match()),
                relaxedNotice(answer), cards, offset + 1, moreUrl, false, filters(answer.parsed()));
        return Response.ok(more ? Templates.search$more(view) : Templates.search(view)).build();
    }

    private static SearchView blank() {
        return new SearchView("", null, List.of(), null, List.of(), 1, null, false, filters(Parsed.NOTHING));
    }

    private static List<Card> cards(Answer answer, int offset) {
        List<Card> cards = new ArrayList<>();
        Integer asked = answer.parsed().durationMinutes();
        for (Result r : answer.results()) {
            int position = offset + cards.size() + 1;
            int duration = asked != null && r.durations().contains(asked) ? asked
                    : r.durations().isEmpty() ? 60 : r.durations().get(0);
            String profile = "/instructors/" + r.instructorId() + "?service=" + r.serviceId() + "&duration=" + duration
                    + (answer.searchId() == null ? "" : "&sid=" + answer.searchId() + "&pos=" + position);
            List<TimeLink> times = r.offeringId() == null ? List.of() : r.nextStarts().stream()
                    .map(start -> new TimeLink(start, BookingPages.reviewUrl(r.instructorId(), r.offeringId(), start,
                            duration, null, answer.searchId(), position), r.instructorName()))
                    .toList();
            cards.add(new Card(r, position, profile, times, duration));
        }
        return cards;
    }

    /** "No one is free tomorrow evening — showing the nearest times." */
    private static String relaxedNotice(Answer answer) {
        List<String> relaxed = answer.relaxed();
        if (relaxed.isEmpty()) {
            return null;
        }
        List<SearchQuery.Chip> chips = SearchQuery.chips(answer.parsed(), answer.match());
        if (relaxed.size() == 1 && relaxed.get(0).equals("time")) {
            String when = chips.stream().filter(c -> Set.of("date", "time").contains(c.key()))
                    .map(c -> c.label().toLowerCase(java.util.Locale.ROOT)).reduce((a, b) -> a + " " + b).orElse("then");
            return "No one is free " + when + " — showing the nearest times.";
        }
        List<String> labels = new ArrayList<>();
        for (String key : relaxed) {
            String chipKey = key.equals("time") ? "date" : key;
            chips.stream().filter(c -> c.key().equals(chipKey) || key.equals("time") && c.key().equals("time"))
                    .forEach(c -> labels.add(c.label()));
        }
        String what = labels.isEmpty() ? "everything you asked for" : String.join(", ", labels.stream().distinct().toList());
        return "No one matches " + what + " — showing the closest matches without "
                + (relaxed.size() == 1 ? "it." : "them.");
    }

    private static FilterView filters(Parsed parsed) {
        String kept = SearchQuery.compose(parsed, SearchQuery.FILTERED);
        String day = SearchQuery.dayPhrase(parsed);
        String time = SearchQuery.timePhrase(parsed);
        List<Option> days = options(day, List.of(new Option("", "Any day", false), new Option("today", "Today", false),
                new Option("tomorrow", "Tomorrow", false), new Option("this weekend", "This weekend", false),
                new Option("next week", "Next week", false)));
        List<Option> times = options(time, List.of(new Option("", "Any time", false),
                new Option("morning", "Morning", false), new Option("afternoon", "Afternoon", false),
                new Option("evening", "Evening", false)));
        String place = parsed.online() == null ? "" : parsed.online() ? "online" : "in_person";
        List<Option> places = options(place, List.of(new Option("", "Online or in person", false),
                new Option("online", "Online", false), new Option("in_person", "In person", false)));
        return new FilterView(kept, parsed.minPrice() == null ? "" : SearchQuery.plain(parsed.minPrice()),
                parsed.maxPrice() == null ? "" : SearchQuery.plain(parsed.maxPrice()), days, times, places);
    }

    /** The options with the current value selected; a current value none of them has is offered as it is. */
    private static List<Option> options(String current, List<Option> standard) {
        List<Option> options = new ArrayList<>();
        boolean found = false;
        for (Option o : standard) {
            boolean selected = o.value().equals(current);
            found |= selected;
            options.add(new Option(o.value(), o.label(), selected));
        }
        if (!found) {
            options.add(new Option(current, capitalised(current), true));
        }
        return options;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int shown(String shown) {
        if (shown == null || shown.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(shown);
            if (n < 0 || n > 10_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw PageException.badRequest("“shown” must be a number of results.");
        }
    }

    static UUID uuidOrNull(String value) {
        return Ids.looksLikeUuid(value) ? UUID.fromString(value) : null;
    }
}
