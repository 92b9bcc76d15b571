package ai.honeyhive.testing.contract;

import static ai.honeyhive.testing.contract.MetricsContractTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.client.api.ConfigurationsApi;
import ai.honeyhive.client.model.ConfigurationEnv;
import ai.honeyhive.client.model.ConfigurationItem;
import ai.honeyhive.client.model.ConfigurationParameters;
import ai.honeyhive.client.model.CreateConfigurationRequest;
import ai.honeyhive.client.model.UpdateConfigurationRequest;
import ai.honeyhive.client.model.UpdateConfigurationResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated client on the deprecated configuration routes, which HoneyHive's Python SDK 1.5.1 still calls. */
@ExtendWith(ai.honeyhive.testing.HoneyHiveTestServerExtension.class)
@SuppressWarnings("deprecation") // the configuration routes are deprecated in the spec, and that is what is tested
class ConfigurationsContractTest implements ContractTest {
  @Test
  void configurationsAreStoredFilteredUpdatedAndDeleted(HoneyHive hh) throws IOException {
    ConfigurationsApi configurations = hh.raw().retrofit().create(ConfigurationsApi.class);
    ConfigurationParameters chat = new ConfigurationParameters().callType(ConfigurationParameters.CallTypeEnum.CHAT)
        .model("gpt-4o").hyperparameters(Map.of("temperature", 0.2))
        .template(List.of(Map.of("role", "system", "content", "You are a support agent.")));

    String agent = ok(configurations.createConfiguration(new CreateConfigurationRequest().name("agent-v3")
        .provider("openai").parameters(chat).env(List.of(ConfigurationEnv.DEV)).tags(List.of("support"))))
        .getInsertedId();
    String draft = ok(configurations.createConfiguration(new CreateConfigurationRequest().name("draft")
        .provider("anthropic").parameters(new ConfigurationParameters()
            .callType(ConfigurationParameters.CallTypeEnum.COMPLETION).model("claude").template("Answer: {{q}}"))))
        .getInsertedId();

    ConfigurationItem stored = ok(configurations.getConfigurations("agent-v3", null, null)).getConfigurations()
        .get(0);
    assertThat(stored.getId()).isEqualTo(agent);
    assertThat(stored.getType()).isEqualTo(ConfigurationItem.TypeEnum.LLM);
    assertThat(stored.getParameters().getTemplate()).isEqualTo(
        List.of(Map.of("role", "system", "content", "You are a support agent.")));
    assertThat(ok(configurations.getConfigurations(null, null, "support")).getConfigurations())
        .extracting(ConfigurationItem::getId).containsExactly(agent);
    assertThat(ok(configurations.getConfigurations(null, null, null)).getConfigurations()).hasSize(2);
    assertThat(ok(configurations.getConfigurations(null, "prod", null)).getConfigurations()).isEmpty();

    UpdateConfigurationResponse update = ok(configurations.updateConfiguration(agent,
        new UpdateConfigurationRequest().name("agent-v3").env(List.of(ConfigurationEnv.DEV, ConfigurationEnv.PROD))));
    assertThat(update.getMatchedCount().intValue()).isEqualTo(1);
    assertThat(update.getModifiedCount().intValue()).as("env changed, name did not").isEqualTo(1);
    assertThat(ok(configurations.getConfigurations(null, "prod", null)).getConfigurations())
        .extracting(ConfigurationItem::getId).containsExactly(agent);
    assertThat(ok(configurations.updateConfiguration("000000000000000000000000",
        new UpdateConfigurationRequest().name("x"))).getMatchedCount().intValue()).isZero();

    assertThat(ok(configurations.deleteConfiguration(draft)).getDeletedCount().intValue()).isEqualTo(1);
    assertThat(ok(configurations.deleteConfiguration(draft)).getDeletedCount().intValue()).isZero();
    assertThat(ok(configurations.getConfigurations(null, null, null)).getConfigurations())
        .extracting(ConfigurationItem::getId).containsExactly(agent);
  }
}
