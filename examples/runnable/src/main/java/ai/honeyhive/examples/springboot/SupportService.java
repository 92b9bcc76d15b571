package ai.honeyhive.examples.springboot;

import java.util.List;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/** The business logic: two ways of answering a customer, neither of which knows about tracing. */
@Service
public class SupportService {
  private final ChatClient chatClient;
  private final OrderTools orderTools;

  /**
   * Created by Spring.
   *
   * @param chatClient the application's chat client
   * @param orderTools the order system's tool
   */
  public SupportService(ChatClient chatClient, OrderTools orderTools) {
    this.chatClient = chatClient;
    this.orderTools = orderTools;
  }

  /**
   * Answers a question about an order; the model may look the order up with {@link OrderTools}.
   *
   * @param question the customer's question
   * @return the answer
   */
  public String answer(String question) {
    return chatClient.prompt().user(question).tools(orderTools).call().content();
  }

  /**
   * Answers a general question, streamed as the model writes it.
   *
   * @param question the customer's question
   * @return the parts of the answer, in order
   */
  public List<String> streamAnswer(String question) {
    return chatClient.prompt().user(question).stream().content().collectList().block();
  }
}
