package ai.honeyhive.langchain4j.internal.service;

import ai.honeyhive.EventBuilder;
import ai.honeyhive.EventScope;
import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import ai.honeyhive.langchain4j.internal.support.Capture;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecution;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AI-service invocations as chain events (one per invocation id, from the started event to the completed or error
 * event) and tool executions as tool events under them, with the tool's own start and finish times.
 */
public final class AiServiceCalls {
  private static final String DEFAULT_TOOL_PARENT = "langchain4j-tools";

  private final HoneyHive hh;
  private final Capture capture;
  /** Sessions started for invocations that began with no current scope; ended with the invocation. */
  private final Map<UUID, Session> ownSessions = new ConcurrentHashMap<>();

  public AiServiceCalls(HoneyHive hh, Capture capture) {
    this.hh = hh;
    this.capture = capture;
  }

  /** Opens the chain of an invocation, nested where it began, with the method's arguments as inputs. */
  public void started(InvocationContext invocation) {
    if (invocation == null || invocation.invocationId() == null) {
      return;
    }
    String name = name(invocation);
    EventScope parent = Invocations.parentNow();
    if (parent == null) {
      Session session = hh.session(name).start();
      ownSessions.put(invocation.invocationId(), session);
      parent = session;
    }
    EventBuilder chain = parent.chain(name);
    Map<String, Object> inputs = new LinkedHashMap<>();
    List<Object> arguments = invocation.methodArguments();
    if (arguments != null) {
      for (int i = 0; i < arguments.size(); i++) {
        Object value = capture.value(arguments.get(i));
        if (value != null) {
          inputs.put("arg" + i, value);
        }
      }
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("invocation_id", invocation.invocationId().toString());
    putIfSet(metadata, "interface", invocation.interfaceName());
    putIfSet(metadata, "method", invocation.methodName());
    if (invocation.chatMemoryId() != null) {
      metadata.put("chat_memory_id", String.valueOf(invocation.chatMemoryId()));
    }
    Span span = chain.inputs(inputs).metadata(metadata).start();
    Invocations.started(invocation.invocationId(), span);
  }

  /** Notes that the invocation is about to call its model on this thread, so that call nests under its chain. */
  public void requestIssued(InvocationContext invocation) {
    if (invocation != null) {
      Invocations.requestIssued(invocation.invocationId());
    }
  }

  /** Records the method's result on the invocation's chain and ends it. */
  public void completed(InvocationContext invocation, Optional<Object> result) {
    Span span = invocation == null ? null : Invocations.finished(invocation.invocationId());
    if (span == null) {
      return;
    }
    try {
      Object value = result == null ? null : result.orElse(null);
      String text = capture.value(value);
      if (text != null) {
        span.outputs(Map.of("result", text));
      }
    } finally {
      end(invocation.invocationId(), span);
    }
  }

  /** Records the error on the invocation's chain and ends it. */
  public void failed(InvocationContext invocation, Throwable error) {
    Span span = invocation == null ? null : Invocations.finished(invocation.invocationId());
    if (span == null) {
      return;
    }
    try {
      span.error(capture.describe(error));
    } finally {
      end(invocation.invocationId(), span);
    }
  }

  /**
   * Logs one tool event for a finished execution: under its invocation's chain, else where the thread's current
   * scope is, else in a session of its own. Times are the execution's own.
   */
  public void toolExecuted(ToolExecution execution) {
    if (execution == null || execution.request() == null) {
      return;
    }
    ToolExecutionRequest request = execution.request();
    InvocationContext invocation = execution.invocationContext();
    EventScope parent = invocation == null ? null : Invocations.byId(invocation.invocationId());
    if (parent == null) {
      parent = Invocations.parentNow();
    }
    Session own = null;
    if (parent == null) {
      own = hh.session(DEFAULT_TOOL_PARENT).start();
      parent = own;
    }
    String name = request.name() == null || request.name().isBlank() ? "tool" : request.name();
    EventBuilder tool = parent.tool(name);
    String arguments = capture.text(request.arguments());
    if (arguments != null) {
      tool.inputs(Map.of("arguments", arguments));
    }
    String result = capture.text(execution.result());
    if (result != null) {
      tool.outputs(Map.of("result", result));
    }
    if (request.id() != null) {
      tool.metadata(Map.of("tool_call_id", request.id()));
    }
    if (execution.hasFailed()) {
      tool.error(result != null ? result : "tool execution failed");
    }
    if (execution.startTime() != null && execution.finishTime() != null
        && !execution.finishTime().isBefore(execution.startTime())) {
      tool.startTime(instant(execution.startTime())).endTime(instant(execution.finishTime()));
    }
    tool.log();
    if (own != null) {
      own.end();
    }
  }

  private void end(UUID id, Span span) {
    span.close();
    Session own = ownSessions.remove(id);
    if (own != null) {
      own.end();
    }
  }

  /** LangChain4j measures tool times with {@code LocalDateTime.now()}: the system zone's local time. */
  private static java.time.Instant instant(LocalDateTime time) {
    return time.atZone(ZoneId.systemDefault()).toInstant();
  }

  private static String name(InvocationContext invocation) {
    String type = invocation.interfaceName();
    if (type != null) {
      type = type.substring(type.lastIndexOf('.') + 1);
      type = type.substring(type.lastIndexOf('$') + 1);
    }
    String method = invocation.methodName();
    if (type == null || type.isBlank()) {
      return method == null || method.isBlank() ? "ai-service" : method;
    }
    return method == null || method.isBlank() ? type : type + "." + method;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
