package com.instainstru.booking.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.platform.test.RedisServerResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The Redis the suite runs on is the one deploy/local/infra.sh starts (or configures, when it was already
 * running): it keeps the streams in an append-only file and never evicts them, the settings RedisCrashTest
 * proves a crash survives. (CONFIG GET answers a map: the client speaks RESP3.)
 */
@QuarkusTest
class RedisDurabilityTest {

    @Inject
    RedisDataSource redis;

    @Test
    void thePlatformsRedisKeepsTheStreamsOnDiskAndNeverEvictsThem() {
        RedisServerResource.DURABLE.forEach((name, value) -> assertThat(
                redis.execute("CONFIG", "GET", name).get(name).toString()).as(name).isEqualTo(value));
    }
}
