package io.nectar.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How the hosted connection and invitation pages look for this organization, and which sites may
 * embed them in a frame ({@code frameAncestors}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Branding(String name, String colour, String logoUrl, List<String> frameAncestors) {
  public Branding {
    frameAncestors = Lists.copy(frameAncestors);
  }
}
