package io.poolkeeper.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.poolkeeper.api.InvalidVariant;
import io.poolkeeper.api.ProjectFiles;
import io.poolkeeper.operator.OperatorHarness;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Malformed and hostile objects made from the examples, by category (issue 14, campaign 5). Each
 * category yields candidates in a fixed order; {@link #take} deals them out round-robin so that a
 * small plan still has some of every category. A candidate is one object, or a group of objects
 * that are only wrong together (two BatchPools on one pool id).
 *
 * <p>The categories the API server must refuse come from the CRD schemas (wrong types, strings too
 * long, unicode where a pattern allows ASCII only, names Kubernetes or Azure Batch refuse) and from
 * invalid-variants.yaml; the others are admitted and only the operator, or Azure, can tell they are
 * wrong: references to objects that do not exist here (or exist in another namespace), names and
 * places Azure refuses, quotas and limits, and conflicts.
 */
final class BadObjects {

  /** The valid chain of render-chain.yaml that the campaign converges next to the bad objects. */
  static final String CHAIN_IMAGE = "render-base-2026-11";

  static final String CHAIN_VERSION = "render-base-1-0-0";
  static final String CHAIN_POOL = "render-pool";

  /** The objects of the same names in another namespace, which no reference may reach. */
  static final String FOREIGN_IMAGE = "foreign-image";

  static final String FOREIGN_VERSION = "foreign-version";

  /** A Batch account with 16 dedicated cores: four Standard_D4s_v5 nodes. */
  static final String SMALL_QUOTA_ACCOUNT = "quotabatch";

  static final int SMALL_QUOTA_CORES = 16;

  /** Strings of this length are over every maxLength of the CRDs. */
  static final int HUGE = 200_000;

  static final String UNICODE = "-\u00e9\u4e2d\ud83d\ude80";

  /**
   * One object to apply.
   *
   * @param category the category
   * @param description what is wrong with it, in words
   * @param object the object
   * @param mentions what a refusal by the API server must name: the field or rule at fault
   * @param group the pool id two or more objects compete for, or {@code null}
   */
  record BadObject(
      String category, String description, ObjectNode object, String mentions, String group) {

    String kind() {
      return object.path("kind").asText();
    }

    String name() {
      return object.path("metadata").path("name").asText();
    }
  }

  private static final List<String[]> EXAMPLES =
      List.of(
          new String[] {"render-chain.yaml", "ManagedImage"},
          new String[] {"render-chain.yaml", "GalleryImageVersion"},
          new String[] {"render-chain.yaml", "BatchPool"},
          new String[] {"production-pool.yaml", "BatchPool"},
          new String[] {"autoscale-pool.yaml", "BatchPool"},
          new String[] {"unmanaged-image-pool.yaml", "BatchPool"});

  private final Map<String, JsonNode> schemas = ProjectFiles.committedCrdsByKind();
  private int serial;

  private BadObjects() {}

  /**
   * At least {@code count} bad objects (a group is not split), dealt from the categories in turn.
   */
  static List<BadObject> take(int count) {
    return new BadObjects().deal(count);
  }

  private List<BadObject> deal(int count) {
    Map<String, Iterator<IntFunction<List<BadObject>>>> categories = new LinkedHashMap<>();
    categories.put("rejected variant", variants().iterator());
    categories.put("wrong type", wrongTypes().iterator());
    categories.put("missing reference", missingReferences().iterator());
    categories.put("huge string", hugeStrings().iterator());
    categories.put("foreign-namespace reference", foreignReferences().iterator());
    categories.put("unicode string", unicodeStrings().iterator());
    categories.put("name refused", refusedNames().iterator());
    categories.put("Azure refuses", azureRefusals().iterator());
    categories.put("quota or limit", quotas().iterator());
    categories.put("conflicting pools", conflicts().iterator());
    List<BadObject> taken = new ArrayList<>();
    while (taken.size() < count) {
      boolean any = false;
      for (Iterator<IntFunction<List<BadObject>>> category : categories.values()) {
        if (taken.size() >= count) {
          break;
        }
        if (category.hasNext()) {
          any = true;
          taken.addAll(category.next().apply(++serial));
        }
      }
      if (!any) {
        throw new IllegalStateException(
            "only " + taken.size() + " bad objects, " + count + " asked");
      }
    }
    return taken;
  }

  /** The variants of invalid-variants.yaml the API server refuses on create. */
  private static List<IntFunction<List<BadObject>>> variants() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (InvalidVariant variant : InvalidVariant.all()) {
      if (variant.rejectedBy() == InvalidVariant.RejectedBy.cel_update) {
        continue;
      }
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "rejected variant",
                      variant.kind() + " " + variant.name(),
                      named(variant.broken(), n),
                      variant.expect(),
                      null)));
    }
    return made;
  }

  /** Every field of the examples' specs with a value of another JSON type. */
  private List<IntFunction<List<BadObject>>> wrongTypes() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (String[] example : EXAMPLES) {
      ObjectNode original = ProjectFiles.example(example[0], example[1]);
      for (String pointer : pointers(original.path("spec"), "/spec")) {
        JsonNode schema = schemaAt(example[1], pointer);
        if (schema == null
            || schema.path("x-kubernetes-int-or-string").asBoolean()
            || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
          continue;
        }
        JsonNode wrong = wrongTypeFor(original.at(pointer));
        made.add(
            n ->
                List.of(
                    new BadObject(
                        "wrong type",
                        example[1] + " of " + example[0] + " with " + pointer + " = " + wrong,
                        named(
                            with(ProjectFiles.example(example[0], example[1]), pointer, wrong), n),
                        fieldOf(pointer),
                        null)));
      }
    }
    return made;
  }

  /** Every string of the examples' specs that has a length limit, made {@link #HUGE} long. */
  private List<IntFunction<List<BadObject>>> hugeStrings() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    made.add(
        n -> {
          ObjectNode pool = pool(n);
          ((ObjectNode) pool.path("metadata"))
              .putObject("annotations")
              .put("poolkeeper.io/notes", "x".repeat(300_000));
          return List.of(
              new BadObject(
                  "huge string",
                  "BatchPool with a 300 KB annotation (Kubernetes allows 256 KB)",
                  pool,
                  "annotations",
                  null));
        });
    made.add(
        n -> {
          ObjectNode image = image(n);
          ((ObjectNode) image.path("metadata")).putObject("labels").put("team", "x".repeat(64));
          return List.of(
              new BadObject(
                  "huge string",
                  "ManagedImage with a 64-character label value (Kubernetes allows 63)",
                  image,
                  "labels",
                  null));
        });
    for (String[] example : EXAMPLES) {
      ObjectNode original = ProjectFiles.example(example[0], example[1]);
      for (String pointer : pointers(original.path("spec"), "/spec")) {
        JsonNode schema = schemaAt(example[1], pointer);
        if (!original.at(pointer).isTextual() || schema == null || !schema.has("maxLength")) {
          continue;
        }
        String text = original.at(pointer).asText();
        String huge = text.repeat(HUGE / text.length() + 1).substring(0, HUGE);
        made.add(
            n ->
                List.of(
                    new BadObject(
                        "huge string",
                        example[1]
                            + " of "
                            + example[0]
                            + " with "
                            + pointer
                            + " "
                            + huge.length()
                            + " characters long (maxLength "
                            + schema.path("maxLength").asInt()
                            + ")",
                        named(
                            with(
                                ProjectFiles.example(example[0], example[1]),
                                pointer,
                                TextNode.valueOf(huge)),
                            n),
                        fieldOf(pointer),
                        null)));
      }
    }
    return made;
  }

  /** Every string of the examples' specs that a pattern or enum keeps to ASCII, with unicode. */
  private List<IntFunction<List<BadObject>>> unicodeStrings() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (String[] example : EXAMPLES) {
      ObjectNode original = ProjectFiles.example(example[0], example[1]);
      for (String pointer : pointers(original.path("spec"), "/spec")) {
        JsonNode schema = schemaAt(example[1], pointer);
        if (!original.at(pointer).isTextual()
            || schema == null
            || !(schema.has("pattern") || schema.has("enum"))) {
          continue;
        }
        String unicode = original.at(pointer).asText() + UNICODE;
        made.add(
            n ->
                List.of(
                    new BadObject(
                        "unicode string",
                        example[1] + " of " + example[0] + " with " + pointer + " = " + unicode,
                        named(
                            with(
                                ProjectFiles.example(example[0], example[1]),
                                pointer,
                                TextNode.valueOf(unicode)),
                            n),
                        fieldOf(pointer),
                        null)));
      }
    }
    return made;
  }

  /** Object names Kubernetes refuses, and pool names Azure Batch refuses as pool ids. */
  private static List<IntFunction<List<BadObject>>> refusedNames() {
    List<String> refusedByKubernetes =
        List.of(
            "Upper-Case",
            "under_score",
            "a".repeat(254),
            "-leading-dash",
            "trailing-dash-",
            "\u00fcnicode-\u4e2d",
            "trailing.dot.",
            "dots..double");
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (String[] example : EXAMPLES.subList(0, 3)) {
      for (String name : refusedByKubernetes) {
        made.add(
            n -> {
              ObjectNode object = ProjectFiles.example(example[0], example[1]);
              ((ObjectNode) object.path("metadata")).put("name", name);
              return List.of(
                  new BadObject(
                      "name refused",
                      example[1] + " named '" + abbreviated(name) + "'",
                      object,
                      "metadata.name",
                      null));
            });
      }
    }
    for (String name : List.of("pool.with.dots", "p".repeat(65))) {
      made.add(
          n -> {
            ObjectNode pool = pool(n);
            ((ObjectNode) pool.path("metadata")).put("name", name);
            return List.of(
                new BadObject(
                    "name refused",
                    "BatchPool without poolId named '"
                        + abbreviated(name)
                        + "', not a Batch pool id",
                    pool,
                    "metadata.name is not a valid Azure Batch pool id",
                    null));
          });
    }
    return made;
  }

  /** References to objects that do not exist in the namespace. */
  private static List<IntFunction<List<BadObject>>> missingReferences() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "missing reference",
                      "BatchPool naming a GalleryImageVersion that does not exist",
                      versionRef(pool(n), "missing-version-" + n),
                      null,
                      null)));
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "missing reference",
                      "BatchPool naming a ManagedImage that does not exist",
                      imageRef(pool(n), "missing-image-" + n),
                      null,
                      null)));
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "missing reference",
                      "GalleryImageVersion made from a ManagedImage that does not exist",
                      sourceRef(version(n), "missing-image-" + n),
                      null,
                      null)));
    }
    return made;
  }

  /** References by name to objects that exist only in another namespace. */
  private static List<IntFunction<List<BadObject>>> foreignReferences() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "foreign-namespace reference",
                      "BatchPool naming a GalleryImageVersion of another namespace",
                      versionRef(pool(n), FOREIGN_VERSION),
                      null,
                      null)));
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "foreign-namespace reference",
                      "BatchPool naming a ManagedImage of another namespace",
                      imageRef(pool(n), FOREIGN_IMAGE),
                      null,
                      null)));
      made.add(
          n ->
              List.of(
                  new BadObject(
                      "foreign-namespace reference",
                      "GalleryImageVersion made from a ManagedImage of another namespace",
                      sourceRef(version(n), FOREIGN_IMAGE),
                      null,
                      null)));
    }
    return made;
  }

  /** Objects the CRDs admit and Azure (or the operator, knowing Azure) refuses. */
  private static List<IntFunction<List<BadObject>>> azureRefusals() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      made.add(
          n -> {
            ObjectNode image = image(n);
            ((ObjectNode) image.at("/spec/source/snapshots/osDisk"))
                .put("snapshotId", OperatorHarness.snapshotId("missing-os-" + n));
            return List.of(
                new BadObject(
                    "Azure refuses",
                    "ManagedImage from an OS disk snapshot that does not exist in Azure",
                    image,
                    null,
                    null));
          });
      made.add(
          n -> {
            ObjectNode image = image(n);
            ((ObjectNode) image.at("/spec/azure")).put("resourceGroup", "rg-missing-" + n);
            return List.of(
                new BadObject(
                    "Azure refuses",
                    "ManagedImage in a resource group that does not exist",
                    image,
                    null,
                    null));
          });
      made.add(
          n -> {
            ObjectNode pool = pool(n);
            ((ObjectNode) pool.path("spec")).put("nodeAgentSkuId", "batch.node.windows amd64");
            return List.of(
                new BadObject(
                    "Azure refuses",
                    "BatchPool of a Linux image with a Windows node agent",
                    pool,
                    null,
                    null));
          });
      made.add(
          n -> {
            ObjectNode pool = pool(n);
            ((ObjectNode) pool.at("/spec/account")).put("name", "nobatch" + n);
            return List.of(
                new BadObject(
                    "Azure refuses",
                    "BatchPool in a Batch account that does not exist",
                    pool,
                    null,
                    null));
          });
    }
    return made;
  }

  /** Node counts over the custom-image limit and over a Batch account's core quota. */
  private static List<IntFunction<List<BadObject>>> quotas() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      made.add(
          n -> {
            // An image of its own, so the pool's targets count against no other pool's.
            ObjectNode pool = pool(n);
            ObjectNode image = ((ObjectNode) pool.path("spec")).putObject("image");
            image.put(
                "id",
                "/subscriptions/"
                    + OperatorHarness.SUBSCRIPTION
                    + "/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/"
                    + "render_gallery/images/render-base/versions/7.0."
                    + n);
            ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", 2600);
            return List.of(
                new BadObject(
                    "quota or limit",
                    "BatchPool of 2600 dedicated nodes on a custom image (Batch allows 2500)",
                    pool,
                    null,
                    null));
          });
      made.add(
          n -> {
            ObjectNode pool = pool(n);
            ((ObjectNode) pool.at("/spec/account")).put("name", SMALL_QUOTA_ACCOUNT);
            ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", 10);
            return List.of(
                new BadObject(
                    "quota or limit",
                    "BatchPool of 10 Standard_D4s_v5 nodes (40 cores) in an account with "
                        + SMALL_QUOTA_CORES
                        + " cores",
                    pool,
                    null,
                    null));
          });
    }
    return made;
  }

  /** Two BatchPools that set the same poolId in one account: one gets it, the other is Stalled. */
  private static List<IntFunction<List<BadObject>>> conflicts() {
    List<IntFunction<List<BadObject>>> made = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      made.add(
          n -> {
            String poolId = "contested-" + n;
            List<BadObject> group = new ArrayList<>();
            for (String side : List.of("a", "b")) {
              ObjectNode pool = pool(n);
              ((ObjectNode) pool.path("metadata")).put("name", "bad-" + n + side);
              ((ObjectNode) pool.path("spec")).put("poolId", poolId);
              ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", 0);
              group.add(
                  new BadObject(
                      "conflicting pools",
                      "BatchPool " + side + " of two with poolId " + poolId,
                      pool,
                      null,
                      poolId));
            }
            return group;
          });
    }
    return made;
  }

  /** The example BatchPool on the chain's version, one node, named bad-n. */
  static ObjectNode pool(int n) {
    ObjectNode pool = named(ProjectFiles.example("render-chain.yaml", "BatchPool"), n);
    ((ObjectNode) pool.at("/spec/scale/fixed")).put("targetDedicatedNodes", 1);
    return pool;
  }

  /** The example ManagedImage named bad-n, with an Azure name of its own. */
  static ObjectNode image(int n) {
    ObjectNode image = named(ProjectFiles.example("render-chain.yaml", "ManagedImage"), n);
    ((ObjectNode) image.path("spec")).put("imageName", "bad-image-" + n);
    return image;
  }

  /** The example GalleryImageVersion named bad-n, with an Azure version of its own. */
  static ObjectNode version(int n) {
    ObjectNode version = named(ProjectFiles.example("render-chain.yaml", "GalleryImageVersion"), n);
    ((ObjectNode) version.path("spec")).put("version", "9.0." + n);
    return version;
  }

  private static ObjectNode versionRef(ObjectNode pool, String name) {
    ((ObjectNode) pool.path("spec"))
        .putObject("image")
        .putObject("galleryImageVersionRef")
        .put("name", name);
    return pool;
  }

  private static ObjectNode imageRef(ObjectNode pool, String name) {
    ((ObjectNode) pool.path("spec"))
        .putObject("image")
        .putObject("managedImageRef")
        .put("name", name);
    return pool;
  }

  private static ObjectNode sourceRef(ObjectNode version, String name) {
    ((ObjectNode) version.path("spec"))
        .putObject("source")
        .putObject("managedImageRef")
        .put("name", name);
    return version;
  }

  private static ObjectNode named(ObjectNode object, int n) {
    ((ObjectNode) object.path("metadata")).put("name", "bad-" + n);
    return object;
  }

  private static ObjectNode with(ObjectNode object, String pointer, JsonNode value) {
    JsonNode parent = object.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
    return object;
  }

  private static JsonNode wrongTypeFor(JsonNode value) {
    if (value.isTextual()) {
      return IntNode.valueOf(12345);
    }
    if (value.isNumber()) {
      return TextNode.valueOf("lots");
    }
    if (value.isBoolean()) {
      return TextNode.valueOf("yes");
    }
    if (value.isArray()) {
      return TextNode.valueOf("not-a-list");
    }
    return IntNode.valueOf(42);
  }

  /** JSON pointers to every node under {@code node}, depth first. */
  private static List<String> pointers(JsonNode node, String at) {
    List<String> pointers = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = at + "/" + field.getKey();
        pointers.add(child);
        pointers.addAll(pointers(field.getValue(), child));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String child = at + "/" + i;
        pointers.add(child);
        pointers.addAll(pointers(node.get(i), child));
      }
    }
    return pointers;
  }

  /** The schema of the field at {@code pointer} in the kind's CRD, or {@code null}. */
  private JsonNode schemaAt(String kind, String pointer) {
    JsonNode schema = ProjectFiles.openApiSchema(schemas.get(kind));
    for (String step : pointer.substring(1).split("/")) {
      if (schema.has("items") && step.matches("\\d+")) {
        schema = schema.path("items");
      } else if (schema.path("properties").has(step)) {
        schema = schema.path("properties").path(step);
      } else if (schema.has("additionalProperties")) {
        schema = schema.path("additionalProperties");
      } else {
        return null;
      }
    }
    return schema;
  }

  /** The last named step of a pointer: the field an error message names. */
  private static String fieldOf(String pointer) {
    String[] steps = pointer.split("/");
    for (int i = steps.length - 1; i >= 0; i--) {
      if (!steps[i].matches("\\d+")) {
        return steps[i];
      }
    }
    return pointer;
  }

  private static String abbreviated(String text) {
    return text.length() > 40 ? text.substring(0, 12) + "...(" + text.length() + " chars)" : text;
  }
}
