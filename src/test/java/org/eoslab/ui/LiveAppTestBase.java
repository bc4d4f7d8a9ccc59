package org.eoslab.ui;

import org.eoslab.config.Parameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The live app started headless on {@link #parameters()} before each test and closed after it. TestFX's
 * {@code @Start} is looked up on the test class only, so the stage is set up here with {@link FxToolkit};
 * the extension still injects the {@code FxRobot}.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.Timeout(value = 180, unit = java.util.concurrent.TimeUnit.SECONDS)
abstract class LiveAppTestBase {
    protected final LiveAppFixture app = new LiveAppFixture();

    /** The parameters the app starts on. */
    protected abstract Parameters parameters();

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.setupStage(stage -> app.start(stage, parameters()));
    }

    @AfterEach
    void stopApp() throws Exception {
        app.stop();
        FxToolkit.hideStage();
    }
}
