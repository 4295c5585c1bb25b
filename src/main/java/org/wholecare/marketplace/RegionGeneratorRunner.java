package org.wholecare.marketplace;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --wholecare.generate-region=true}: fill the database with a region of 100,000 listings at start-up. */
@Component
@Order(100)
@ConditionalOnProperty(name = "wholecare.generate-region", havingValue = "true")
class RegionGeneratorRunner implements ApplicationRunner {

    private final RegionGenerator generator;

    RegionGeneratorRunner(RegionGenerator generator) {
        this.generator = generator;
    }

    @Override
    public void run(ApplicationArguments args) {
        generator.generate(10_000, 10);
    }
}
