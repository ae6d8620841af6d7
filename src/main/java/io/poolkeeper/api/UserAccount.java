package io.poolkeeper.api;

import static io.poolkeeper.api.ChangeNotes.AT_ZERO_NODES;
import static io.poolkeeper.api.ChangeNotes.SECRET;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Batch's UserAccount: a user created on every node. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserAccount {

  @JsonPropertyDescription(
      "Name of the user, up to 20 characters, unique in the pool." + AT_ZERO_NODES)
  @Required
  @Size(min = 1, max = 20)
  private String name;

  @JsonPropertyDescription("The user's password." + SECRET + AT_ZERO_NODES)
  @Required
  private SecretValue password;

  @JsonPropertyDescription("NonAdmin (Batch's default) or Admin." + AT_ZERO_NODES)
  private ElevationLevel elevationLevel;

  @JsonPropertyDescription("Settings on Linux nodes; ignored on Windows pools." + AT_ZERO_NODES)
  private LinuxUserConfiguration linuxUserConfiguration;

  @JsonPropertyDescription("Settings on Windows nodes; only on Windows pools." + AT_ZERO_NODES)
  private WindowsUserConfiguration windowsUserConfiguration;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SecretValue getPassword() {
    return password;
  }

  public void setPassword(SecretValue password) {
    this.password = password;
  }

  public ElevationLevel getElevationLevel() {
    return elevationLevel;
  }

  public void setElevationLevel(ElevationLevel elevationLevel) {
    this.elevationLevel = elevationLevel;
  }

  public LinuxUserConfiguration getLinuxUserConfiguration() {
    return linuxUserConfiguration;
  }

  public void setLinuxUserConfiguration(LinuxUserConfiguration linuxUserConfiguration) {
    this.linuxUserConfiguration = linuxUserConfiguration;
  }

  public WindowsUserConfiguration getWindowsUserConfiguration() {
    return windowsUserConfiguration;
  }

  public void setWindowsUserConfiguration(WindowsUserConfiguration windowsUserConfiguration) {
    this.windowsUserConfiguration = windowsUserConfiguration;
  }

  /** Batch's LinuxUserConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @ValidationRule(
      value = "has(self.uid) == has(self.gid)",
      message = "linuxUserConfiguration needs uid and gid together, or neither.")
  public static class LinuxUserConfiguration {

    @JsonPropertyDescription(
        "The user's uid, with gid; the OS picks one when unset." + AT_ZERO_NODES)
    @Min(0)
    @Max(2147483647)
    private Integer uid;

    @JsonPropertyDescription(
        "The user's gid, with uid; the OS picks one when unset." + AT_ZERO_NODES)
    @Min(0)
    @Max(2147483647)
    private Integer gid;

    @JsonPropertyDescription(
        "An SSH private key without passphrase, for SSH between the nodes of a pool with"
            + " interNodeCommunication Enabled (ignored otherwise)."
            + SECRET
            + AT_ZERO_NODES)
    private SecretValue sshPrivateKey;

    public Integer getUid() {
      return uid;
    }

    public void setUid(Integer uid) {
      this.uid = uid;
    }

    public Integer getGid() {
      return gid;
    }

    public void setGid(Integer gid) {
      this.gid = gid;
    }

    public SecretValue getSshPrivateKey() {
      return sshPrivateKey;
    }

    public void setSshPrivateKey(SecretValue sshPrivateKey) {
      this.sshPrivateKey = sshPrivateKey;
    }
  }

  /** Batch's WindowsUserConfiguration. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class WindowsUserConfiguration {

    @JsonPropertyDescription(
        "Batch (recommended for long parallel processes) or Interactive (Batch's default)."
            + AT_ZERO_NODES)
    private LoginMode loginMode;

    public LoginMode getLoginMode() {
      return loginMode;
    }

    public void setLoginMode(LoginMode loginMode) {
      this.loginMode = loginMode;
    }
  }

  /** Batch's LoginMode. */
  public enum LoginMode {
    Batch,
    Interactive
  }
}
