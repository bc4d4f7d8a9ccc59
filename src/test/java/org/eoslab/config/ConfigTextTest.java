package org.eoslab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigTextTest {

    @Test
    void roundTripsEveryField() {
        Parameters p = Parameters.defaults().withWidth(37).withDepth(5).withSpectrum(new double[] {3.25, 1.0 / 3, 0.1})
                .withAlpha(0.0123).withEta(0.123456789012345).withInit(Init.ZERO_ORTHOGONAL).withLoss(LossKind.MEAN)
                .withSeed(-42).withSteps(12345).withSharpnessEvery(7).withTop(4).withSymmetric(true);
        String text = ConfigText.format(p);
        assertTrue(text.startsWith("eoslab d=37 L=5 s=3.25,0.3333333333333333,0.1"), text);
        assertEquals(p, ConfigText.parse(text));
        assertEquals(Parameters.defaults(), ConfigText.parse(ConfigText.format(Parameters.defaults())));
    }

    @Test
    void badTextNamesTheProblem() {
        assertTrue(assertThrows(InvalidParameterException.class, () -> ConfigText.parse("hello"))
                .getMessage().contains("must start with 'eoslab'"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ConfigText.parse("eoslab colour=red"))
                .getMessage().contains("unknown key 'colour'"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ConfigText.parse("eoslab eta=fast"))
                .getMessage().contains("eta=fast is not a number"));
        assertTrue(assertThrows(InvalidParameterException.class, () -> ConfigText.parse("eoslab L=1"))
                .getMessage().startsWith("depth: 1 is outside the allowed range"));
    }
}
