/**
 * Internal, no compatibility promise: the hook through which another tracer's context (OpenTelemetry's, from the
 * {@code honeyhive-opentelemetry} module) sees HoneyHive's current scope and is seen by it. Found with
 * {@link java.util.ServiceLoader}; without a provider every hook does nothing.
 */
package ai.honeyhive.internal.bridge;
