/**
 * Spring Boot auto-configuration of a {@link ai.honeyhive.HoneyHive} client from {@code honeyhive.*} properties, with
 * Micrometer delivery metrics, an Actuator health indicator and, when Spring AI is present, the HoneyHive observation
 * handler. See {@link ai.honeyhive.spring.boot.HoneyHiveAutoConfiguration}.
 */
package ai.honeyhive.spring.boot;
