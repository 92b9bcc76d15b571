/**
 * Not API: internal to the HoneyHive client, and may change in any release without notice; do not use it from
 * application code.
 *
 * <p>The client's options as the internals read them (immutable records built once by the builder), and the parsing of environment values (proxy URLs, CA bundles).
 */
package ai.honeyhive.internal.config;
