package io.nectar.http;

import io.javalin.http.HandlerType;
import io.javalin.http.util.MethodNotAllowedUtil;
import io.javalin.router.InternalRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Allow} header of a 405 (RFC 9110 §15.5.6): the methods the path really answers, found
 * in Javalin's router the way Javalin itself decides between 404 and 405.
 */
final class AllowedMethods {
  private volatile InternalRouter router;

  /** Set once the server is built: the routes exist only then. */
  void use(InternalRouter router) {
    this.router = router;
  }

  /** E.g. {@code GET, HEAD, POST}; HEAD only where a GET route answers it. */
  String of(String path) {
    List<String> methods = new ArrayList<>();
    for (HandlerType type : MethodNotAllowedUtil.INSTANCE.findAvailableHttpHandlerTypes(router, path)) {
      methods.add(type.name());
    }
    if (HttpServer.refusesHead(path)) {
      methods.remove("HEAD");
    } else if (methods.contains("GET") && !methods.contains("HEAD")) {
      // Javalin answers HEAD on every GET route it is not refused on.
      methods.add(methods.indexOf("GET") + 1, "HEAD");
    }
    return String.join(", ", methods);
  }
}
