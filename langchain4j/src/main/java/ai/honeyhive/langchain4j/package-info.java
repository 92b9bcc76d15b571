/**
 * LangChain4j integration: {@link ai.honeyhive.langchain4j.HoneyHiveChatModelListener} records chat-model calls as
 * model events, {@link ai.honeyhive.langchain4j.HoneyHiveAiServiceListener} records AI-service invocations as chain
 * events and their tool executions as tool events. LangChain4j is a provided dependency: the application brings it.
 */
package ai.honeyhive.langchain4j;
