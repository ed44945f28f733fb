package com.instainstru.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    @Test
    void literalSegmentsWinOverParameters() {
        assertThat(RouteTable.match("GET", "/api/v1/instructors/me").route().id()).isEqualTo("instructors.me");
        assertThat(RouteTable.match("GET", "/api/v1/instructors/3f1c").route().id()).isEqualTo("instructors.one");
        assertThat(RouteTable.match("GET", "/api/v1/analytics/reports/latest").route().id()).isEqualTo("analytics.reports.latest");
    }

    @Test
    void aLiteralPathOfAnotherMethodIsA405NotAParameter() {
        RouteTable.Match match = RouteTable.match("GET", "/api/v1/availability/search");
        assertThat(match.route()).isNull();
        assertThat(match.allowed()).containsExactly("POST");
        assertThat(RouteTable.match("POST", "/api/v1/instructors/me").allowed()).containsExactlyInAnyOrder("GET", "PUT");
    }

    @Test
    void unknownPathsEmptySegmentsAndExtraSegmentsMatchNothing() {
        assertThat(RouteTable.match("GET", "/api/v1/catalog/secret").allowed()).isEmpty();
        assertThat(RouteTable.match("GET", "/api/v1/instructors//status").route()).isNull();
        assertThat(RouteTable.match("GET", "/api/v1/bookings/1/2/3/4/5").route()).isNull();
        assertThat(RouteTable.match("GET", "/api/v1/catalog/categories/").route().id()).isEqualTo("catalog.categories");
    }

    @Test
    void everyRouteIsUniqueAndUnderARoutedPrefix() {
        Set<String> seen = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Route route : RouteTable.routes()) {
            assertThat(seen.add(route.method() + " " + route.template())).as(route.id()).isTrue();
            assertThat(ids.add(route.id())).as(route.id()).isTrue();
            assertThat(RouteTable.prefixes()).anyMatch(p -> route.template().equals(p) || route.template().startsWith(p + "/"));
            assertThat(RouteTable.match(route.method(), route.template().replaceAll("\\{[^/]+}", "x")).route())
                    .as(route.id()).isEqualTo(route);
        }
        assertThat(RouteTable.prefixes()).containsExactlyInAnyOrder("/api/v1/catalog", "/api/v1/instructors",
                "/api/v1/search", "/api/v1/bookings", "/api/v1/availability", "/api/v1/analytics", "/api/v1/notifications");
    }
}
