/**
 * The exceptions of the HoneyHive client: one unchecked hierarchy under
 * {@link ai.honeyhive.errors.HoneyHiveException}, with {@link ai.honeyhive.errors.HoneyHiveApiException} and a
 * subclass per HTTP status for answers the API refused, and {@link ai.honeyhive.errors.HoneyHiveConnectionException}
 * for requests that got no answer. In the batched delivery mode they are reported to the
 * {@link ai.honeyhive.DeliveryListener}, never thrown into the code that logged.
 */
package ai.honeyhive.errors;
