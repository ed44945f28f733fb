package com.instainstru.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

/** Configured admin hashes come from other tools, which write bcrypt's other prefixes. */
class PasswordsTest {

    /** Made by Python's crypt module (libxcrypt), as deploy/local/services.sh makes the local admin's. */
    private static final String FROM_PYTHON = "$2b$04$.vz/A64rWrQeb55./8nQYupTf5XarL.JDj8YRsNnD.Edq7GbYBbL6";

    @Test
    void a2bHashFromAnotherToolIsChecked() {
        assertThat(Passwords.isBcrypt(FROM_PYTHON)).isTrue();
        assertThat(BcryptUtil.matches("correct horse battery staple", Passwords.canonical(FROM_PYTHON))).isTrue();
        assertThat(BcryptUtil.matches("correct horse battery stapler", Passwords.canonical(FROM_PYTHON))).isFalse();
    }

    @Test
    void onlyTheSameAlgorithmsPrefixesAreRewritten() {
        assertThat(Passwords.canonical("$2y$04$abc")).isEqualTo("$2a$04$abc");
        assertThat(Passwords.canonical("$2a$04$abc")).isEqualTo("$2a$04$abc");
        assertThat(Passwords.canonical("$6$salt$sha512")).isEqualTo("$6$salt$sha512");
    }
}
