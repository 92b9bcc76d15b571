package ai.honeyhive.springai.internal;

import ai.honeyhive.EventScope;
import ai.honeyhive.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/** A {@link ChatClientObservationContext} ({@code spring.ai.chat.client}) as a HoneyHive chain event. */
public final class ChatClientEvents {
  /** The chain event's name. */
  public static final String NAME = "spring_ai.chat_client";

  private ChatClientEvents() {
  }

  /** Opens the chain event under {@code parent}: the request's messages, whether it streams, its advisors. */
  public static Span start(EventScope parent, ChatClientObservationContext context, Capture capture) {
    var builder = parent.chain(NAME);
    ChatClientRequest request = context.getRequest();
    List<Map<String, Object>> messages = Messages.of(request == null ? null : request.prompt(), capture);
    if (!messages.isEmpty()) {
      builder.inputs(Map.of("messages", messages));
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("stream", context.isStream());
    if (context.getAdvisors() != null && !context.getAdvisors().isEmpty()) {
      List<String> names = new ArrayList<>();
      for (Advisor advisor : context.getAdvisors()) {
        names.add(advisor.getName());
      }
      metadata.put("advisors", names);
    }
    Messages.putIfNotNull(metadata, "format", ChatModelEvents.blankToNull(context.getFormat()));
    builder.metadata(metadata);
    return builder.start();
  }

  /** Records the answer the chat client returned and the error if the call failed. */
  public static void stop(Span span, ChatClientObservationContext context, Capture capture) {
    ChatClientResponse response = context.getResponse();
    String answer = capture.text(response == null ? null : Messages.answer(response.chatResponse()));
    if (answer != null) {
      span.outputs(Map.of("role", "assistant", "content", answer));
    }
    if (context.getError() != null) {
      span.error(capture.describe(context.getError()));
    }
  }
}
