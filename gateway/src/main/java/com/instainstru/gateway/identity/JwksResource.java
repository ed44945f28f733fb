package com.instainstru.gateway.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys that verify access tokens, as a JWK set: every service reads it
 * ({@code mp.jwt.verify.publickey.location}), so the signing key can change without a restart anywhere.
 */
@Path("/api/v1/auth/jwks")
@Tag(name = "Identity", description = "Sign-up, sign-in, tokens and the signed-in user")
public class JwksResource {

    @Inject
    SigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that verify access tokens (a JWK set: each key's kid is in the tokens it signed)")
    @APIResponse(responseCode = "200", description = "The JWK set")
    public Response jwks() {
        return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=60").build();
    }
}
