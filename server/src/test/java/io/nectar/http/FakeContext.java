package io.nectar.http;

import io.javalin.http.Context;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A Javalin {@link Context} over an in-memory request and response, so that code reading a Context
 * (the request body, a streamed page) has unit tests that start no server. Only what that code
 * touches is there: the request's content type, body and attributes, the response's status, content
 * type and bytes, and every default method of Context built on them; anything else throws.
 */
final class FakeContext {
  private final String contentType;
  private final InputStream body;
  private final Map<String, Object> attributes = new HashMap<>();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private int status = 200;
  private String responseType;
  private int reads;

  private FakeContext(String contentType, InputStream body) {
    this.contentType = contentType;
    this.body = body;
  }

  /** A POST of {@code body} with {@code contentType} (null: no Content-Type header). */
  static FakeContext request(String contentType, byte[] body) {
    return new FakeContext(contentType, new ByteArrayInputStream(body));
  }

  /** A POST whose body fails to read, as when the client goes away mid-upload. */
  static FakeContext failingRequest(String contentType) {
    return new FakeContext(contentType, new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    });
  }

  Context context() {
    HttpServletRequest request = proxy(HttpServletRequest.class, (proxy, method, args) -> switch (method.getName()) {
      case "getContentType" -> contentType;
      case "getInputStream" -> {
        reads++;
        yield input();
      }
      case "getAttribute" -> attributes.get((String) args[0]);
      case "setAttribute" -> attributes.put((String) args[0], args[1]);
      case "removeAttribute" -> attributes.remove((String) args[0]);
      case "getMethod" -> "POST";
      case "getRequestURI" -> "/test";
      case "getHeader" -> null;
      default -> unsupported(method);
    });
    HttpServletResponse response = proxy(HttpServletResponse.class, (proxy, method, args) -> switch (method.getName()) {
      case "setStatus" -> {
        status = (Integer) args[0];
        yield null;
      }
      case "getStatus" -> status;
      case "setContentType" -> {
        responseType = (String) args[0];
        yield null;
      }
      case "getContentType" -> responseType;
      default -> unsupported(method);
    });
    ServletOutputStream output = output();
    return proxy(Context.class, (proxy, method, args) -> {
      switch (method.getName()) {
        case "req":
          return request;
        case "res":
          return response;
        case "outputStream":
          return output;
        default:
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          return unsupported(method);
      }
    });
  }

  int status() {
    return status;
  }

  String responseContentType() {
    return responseType;
  }

  String written() {
    return written.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** How many times the body's stream was opened. */
  int reads() {
    return reads;
  }

  private ServletInputStream input() {
    return new ServletInputStream() {
      private boolean finished;

      @Override
      public int read() throws IOException {
        int b = body.read();
        finished = b < 0;
        return b;
      }

      @Override
      public boolean isFinished() {
        return finished;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private ServletOutputStream output() {
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        written.write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static Object unsupported(Method method) {
    if (method.getDeclaringClass() == Object.class) {
      throw new UnsupportedOperationException("Object." + method.getName());
    }
    throw new UnsupportedOperationException(method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + " is not part of this fake");
  }

  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    InvocationHandler withObjectMethods = (proxy, method, args) -> switch (method.getName()) {
      case "toString" -> method.getParameterCount() == 0 ? "Fake" + type.getSimpleName() : handler.invoke(proxy, method, args);
      case "hashCode" -> method.getParameterCount() == 0 ? System.identityHashCode(proxy) : handler.invoke(proxy, method, args);
      case "equals" -> method.getParameterCount() == 1 ? proxy == args[0] : handler.invoke(proxy, method, args);
      default -> handler.invoke(proxy, method, args);
    };
    return type.cast(Proxy.newProxyInstance(FakeContext.class.getClassLoader(), new Class<?>[] {type}, withObjectMethods));
  }
}
