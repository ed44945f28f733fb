package com.instainstru.gateway.web.pages;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.gateway.home.HomePage;
import com.instainstru.gateway.web.client.CatalogViews.Catalog;
import com.instainstru.gateway.web.client.CatalogViews.Category;
import com.instainstru.gateway.web.client.CatalogViews.CategoryHighlights;
import com.instainstru.gateway.web.client.CatalogViews.Home;
import com.instainstru.gateway.web.client.CatalogViews.ServiceSummary;
import com.instainstru.gateway.web.client.CatalogViews.TrendingSearch;
import com.instainstru.gateway.web.client.CatalogViews.TrendingService;
import com.instainstru.gateway.web.client.SharedReads;
import com.instainstru.gateway.web.client.Part;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The home page (search box, categories, trending) and /services (every category and service). */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @Inject
    HomePage homePage;

    @Inject
    SharedReads shared;

    @Inject
    ObjectMapper gatewayJson;

    private ObjectMapper json;

    /** The last homepage read, with the bytes it was read from (the homepage itself is kept a few seconds). */
    private final AtomicReference<Read> last = new AtomicReference<>();

    private record Read(byte[] body, HomeView view) {
    }

    /** The sections of /services as last written, and the catalog they were written from. */
    private final AtomicReference<Written> lastList = new AtomicReference<>();

    private record Written(Catalog catalog, RawString html) {
    }

    /** A category as the home page shows it: its top bookable services are the preview. */
    public record CategoryCard(String slug, String name, String subtitle, int serviceCount, List<ServiceSummary> top) {
    }

    public record HomeView(List<CategoryCard> categories, List<TrendingService> trending, List<TrendingSearch> searches,
            List<String> missing) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView home);

        static native TemplateInstance services(Part<Catalog> catalog, RawString list);

        static native TemplateInstance catalogList(Catalog catalog);
    }

    @PostConstruct
    void init() {
        json = gatewayJson.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @GET
    public Uni<TemplateInstance> home() {
        return homePage.body().map(this::view).map(Templates::home);
    }

    @GET
    @Path("services")
    public Uni<TemplateInstance> services() {
        return shared.catalog().map(catalog -> Templates.services(catalog, catalog.ok() ? list(catalog.value()) : null));
    }

    /** The catalog's sections, written once for each catalog read (hundreds of services: most of the page's work). */
    private RawString list(Catalog catalog) {
        Written written = lastList.get();
        if (written != null && written.catalog() == catalog) {
            return written.html();
        }
        RawString html = new RawString(Templates.catalogList(catalog).render());
        lastList.set(new Written(catalog, html));
        return html;
    }

    private HomeView view(byte[] body) {
        Read read = last.get();
        if (read != null && read.body() == body) {
            return read.view();
        }
        HomeView view = parse(body);
        last.set(new Read(body, view));
        return view;
    }

    private HomeView parse(byte[] body) {
        Home home;
        try {
            home = json.readValue(body, Home.class);
        } catch (IOException e) {
            throw new IllegalStateException("the homepage cannot be read", e);
        }
        Map<String, CategoryHighlights> top = home.topPerCategory().stream()
                .collect(Collectors.toMap(CategoryHighlights::slug, Function.identity(), (a, b) -> a));
        List<CategoryCard> cards = home.categories().stream().map(c -> card(c, top.get(c.slug()))).toList();
        if (cards.isEmpty()) {
            cards = home.topPerCategory().stream()
                    .map(h -> new CategoryCard(h.slug(), h.name(), h.subtitle(), h.services().size(), h.services()))
                    .toList();
        }
        List<String> missing = home.unavailable().stream().map(HomePages::describe).distinct().toList();
        // Only what can be shown: a service analytics has not yet learned the name of is left out.
        List<TrendingService> trending = home.trendingServices() == null ? List.of()
                : home.trendingServices().stream().filter(t -> t.name() != null && !t.name().isBlank()).toList();
        return new HomeView(cards, trending, home.trendingSearches(), missing);
    }

    private static CategoryCard card(Category category, CategoryHighlights highlights) {
        return new CategoryCard(category.slug(), category.name(), category.subtitle(), category.serviceCount(),
                highlights == null || highlights.services() == null ? List.of() : highlights.services());
    }

    private static String describe(String part) {
        return switch (part) {
            case "categories", "topPerCategory" -> "the categories";
            case "trendingServices" -> "trending lessons";
            case "trendingSearches" -> "popular searches";
            default -> part;
        };
    }
}
