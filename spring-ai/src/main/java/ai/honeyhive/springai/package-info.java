/**
 * Spring AI into HoneyHive: {@link ai.honeyhive.springai.HoneyHiveObservationHandler}, a Micrometer
 * {@code ObservationHandler} that turns Spring AI's chat-client, chat-model and tool-calling observations into
 * HoneyHive chain, model and tool events.
 */
package ai.honeyhive.springai;
