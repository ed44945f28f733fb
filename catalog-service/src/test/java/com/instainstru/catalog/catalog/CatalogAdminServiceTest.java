package com.instainstru.catalog.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.platform.problem.ApiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CatalogAdminServiceTest {

    @Test
    void slugsAreLowerCaseAsciiWords() {
        assertThat(CatalogAdminService.slugOf("SAT Prep (Math)")).isEqualTo("sat-prep-math");
        assertThat(CatalogAdminService.slugOf("  Théorbe & Lute ")).isEqualTo("theorbe-lute");
        assertThatThrownBy(() -> CatalogAdminService.slugOf("!!!")).isInstanceOf(ApiException.class);
    }

    @Property
    void anyNameWithALetterGivesAValidSlug(@ForAll String name) {
        String withLetter = name + " a";
        assertThat(CatalogAdminService.slugOf(withLetter)).matches(CatalogServiceRequest.SLUG).hasSizeLessThanOrEqualTo(80);
    }
}
