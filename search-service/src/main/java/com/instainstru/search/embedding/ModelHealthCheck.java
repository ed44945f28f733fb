package com.instainstru.search.embedding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the embedding model is loaded and has run its warm-up inference. */
@Readiness
@ApplicationScoped
public class ModelHealthCheck implements HealthCheck {

    @Inject
    EmbeddingService embeddings;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("embedding-model").status(embeddings.ready()).build();
    }
}
