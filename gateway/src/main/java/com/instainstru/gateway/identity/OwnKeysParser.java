package com.instainstru.gateway.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway verifies tokens with its own published keys, in memory: the key a token names ({@code kid}) among
 * {@link SigningKeys}' keys, with every other check of the configuration (issuer, lifetime, expiry). So it never
 * fetches its own JWK set over HTTP (which, from an event loop, could wait on itself). A token naming no key is
 * verified with {@code mp.jwt.verify.publickey.location} when the gateway has one key, and refused when it has a
 * directory of keys (every token it signs names its key). Every JWTParser user (the REST layer's authentication,
 * the API filter, the web sessions) gets this one.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class OwnKeysParser implements JWTParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    JWTAuthContextInfo configured;

    @Inject
    SigningKeys keys;

    private DefaultJWTParser parser;

    @PostConstruct
    void init() {
        parser = new DefaultJWTParser(configured);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String keyId = keyId(token);
        if (keyId == null) {
            if (keys.fromDirectory()) {
                throw new ParseException("the token names no signing key (kid)");
            }
            return parser.parse(token);
        }
        PublicKey key = keys.publicKey(keyId);
        if (key == null) {
            throw new ParseException("the token names a key the gateway does not publish: " + keyId);
        }
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }

    /** The {@code kid} of the token's header, null when it has none. */
    private static String keyId(String token) throws ParseException {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw new ParseException("not a signed token");
        }
        try {
            JsonNode header = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)),
                    StandardCharsets.UTF_8));
            JsonNode kid = header == null ? null : header.get("kid");
            return kid == null || !kid.isTextual() ? null : kid.asText();
        } catch (IOException | IllegalArgumentException e) {
            throw new ParseException("the token's header is not readable", e);
        }
    }
}
