package com.example.supportbot;

import ai.honeyhive.HoneyHive;
import ai.honeyhive.Session;
import ai.honeyhive.Span;
import java.util.List;
import java.util.Map;

/**
 * A support chatbot that traces every answer to HoneyHive as one session: a chain "answer" holding the document
 * search (a tool event) and the call to the language model (a model event).
 */
public final class SupportBot {
  /** Finds documents relevant to a question. */
  public interface Retriever {
    /**
     * Searches the knowledge base.
     *
     * @param query the user's question
     * @return the most relevant documents, best first
     */
    List<String> search(String query);
  }

  /** A chat model. */
  public interface ChatModel {
    /**
     * Answers {@code question} from {@code context}.
     *
     * @param question the user's question
     * @param context documents to ground the answer in
     * @return the model's reply
     */
    Reply complete(String question, List<String> context);
  }

  /**
   * What the chat model answered, with its token counts.
   *
   * @param text the answer
   * @param promptTokens tokens in the prompt
   * @param completionTokens tokens in the answer
   */
  public record Reply(String text, long promptTokens, long completionTokens) {}

  /**
   * An answer and the HoneyHive session that traced it.
   *
   * @param text the answer
   * @param sessionId the id of the HoneyHive session
   */
  public record Answer(String text, String sessionId) {}

  static final String MODEL = "gpt-4o";

  private final HoneyHive honeyHive;
  private final Retriever retriever;
  private final ChatModel model;

  /**
   * Creates a bot.
   *
   * @param honeyHive the application's HoneyHive client
   * @param retriever the document search
   * @param model the chat model
   */
  public SupportBot(HoneyHive honeyHive, Retriever retriever, ChatModel model) {
    this.honeyHive = honeyHive;
    this.retriever = retriever;
    this.model = model;
  }

  /**
   * Answers one question from one user, traced as one HoneyHive session.
   *
   * @param userId the user who asks
   * @param question the question
   * @return the answer and its session id
   */
  public Answer answer(String userId, String question) {
    Session session = honeyHive.session("support-chat").userProperties(Map.of("user_id", userId)).start();
    try (Span chain = session.chain("answer").inputs(Map.of("question", question)).start()) {
      try {
        List<String> docs = chain.tool("vector-search").inputs(Map.of("query", question))
            .call(() -> retriever.search(question));
        Reply reply = model.complete(question, docs);
        chain.model(MODEL)
            .message("system", "Answer from these documents: " + String.join(" | ", docs))
            .message("user", question)
            .completion(reply.text())
            .usage(reply.promptTokens(), reply.completionTokens())
            .log();
        chain.outputs(Map.of("answer", reply.text()));
        session.feedback(Map.of("answered", true));
        return new Answer(reply.text(), session.sessionId());
      } catch (RuntimeException e) {
        chain.error(e);
        throw e;
      }
    } finally {
      session.end();
    }
  }
}
