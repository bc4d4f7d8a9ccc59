package org.eoslab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresetsTest {

    @Test
    void roundTripsThroughJson() {
        Preset p = Preset.of("Title", "Some words.", Parameters.defaults().withEta(0.123).withInit(Init.GAUSSIAN));
        Preset back = Presets.parse(Presets.toJson(p), "memory");
        assertEquals(p, back);
        assertTrue(Presets.toJson(p).contains("\"init\" : \"gaussian\""));
    }

    @Test
    void missingParametersComeFromTheDefaults() {
        Preset p = Presets.parse("{\"schema\": 1, \"title\": \"x\", \"parameters\": {\"eta\": 0.5}}", "m");
        assertEquals(Parameters.defaults().withEta(0.5), p.parameters());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"schema\": 1, |preset f.json: not valid JSON at line 1",
            "[1, 2]|preset f.json: must be a JSON object",
            "{\"schema\": 2}|preset f.json: schema: 2; this version of EOS Lab reads schema 1",
            "{\"title\": \"x\"}|preset f.json: schema: missing",
            "{\"schema\": 1, \"colour\": 1}|preset f.json: colour: unknown field",
            "{\"schema\": 1, \"parameters\": {\"depth\": 1}}|preset f.json: parameters.depth: 1 is outside the allowed range [2, 50]",
            "{\"schema\": 1, \"parameters\": {\"width\": \"big\"}}|preset f.json: parameters.width:",
            "{\"schema\": 1, \"parameters\": {\"init\": \"ones\"}}|preset f.json: parameters.init: 'ones' is not one of",
            "{\"schema\": 1, \"parameters\": {\"rank\": 5}}|preset f.json: parameters.singularValues: needs exactly rank r = 5 values, got 0",
            "{\"schema\": 1, \"parameters\": {\"singularValues\": [1, 2], \"rank\": 2}}|preset f.json: parameters.singularValues: must be descending",
            "{\"schema\": 1, \"parameters\": {}}|preset f.json: title: missing",
            "{\"schema\": 1, \"title\": \"t\", \"panels\": [\"loss\", \"pie\"]}|preset f.json: panels: 'pie' is not one of: loss, sharpness",
            "{\"schema\": 1, \"title\": \"t\", \"view\": \"3d\"}|preset f.json: view: '3d' is not one of: training, orbit, bifurcation",
            "{\"schema\": 1, \"title\": \"t\", \"expect\": [{\"wobbles\": 1}]}|preset f.json: expect[0].wobbles: unknown field",
            // no silent coercions, no duplicates, no Jackson words
            "{\"schema\": 1, \"title\": \"t\", \"parameters\": {\"steps\": 1.5}}|preset f.json: parameters.steps: must be a whole number",
            "{\"schema\": 1, \"title\": \"t\", \"parameters\": {\"width\": 20.9}}|preset f.json: parameters.width: must be a whole number",
            "{\"schema\": 1, \"title\": \"t\", \"parameters\": {\"eta\": \"0.3\"}}|preset f.json: parameters.eta: must be a number (not a string)",
            "{\"schema\": 1, \"title\": \"t\", \"parameters\": {\"eta\": null}}|preset f.json: parameters.eta: must not be null",
            "{\"schema\": 1, \"title\": \"t\", \"parameters\": {\"singularValues\": \"AAAAAAAA8D8=\", \"rank\": 1}}|preset f.json: parameters.singularValues: must be a list of numbers",
            "{\"schema\": 1, \"title\": \"t\", \"title\": \"u\"}|preset f.json: field 'title' is given twice",
            "{\"schema\": 1, \"title\": \"t\", \"panels\": [\"loss\", \"loss\"]}|preset f.json: panels: lists a panel twice",
            "{\"schema\": 1, \"title\": \"t\", \"mlp\": {\"biases\": \"yes\"}}|preset f.json: mlp.biases: must be true or false"})
    void malformedPresetsNameFileAndField(String json, String message) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Presets.parse(json, "f.json"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }
}
