/**
 * Not API: internal to the HoneyHive client, and may change in any release without notice; do not use it from
 * application code.
 *
 * <p>The HTTP side: the gateway that turns reads and writes into requests of the generated client, the OkHttp client and its interceptors (identity, retries, same-origin redirects), error mapping. Owns the sockets.
 */
package ai.honeyhive.internal.http;
