package io.poolkeeper.azure;

import static io.poolkeeper.azure.EmulatedAzure.IMAGES_GROUP;
import static io.poolkeeper.azure.EmulatedAzure.SUBSCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poolkeeper.azure.LockService.LockInfo;
import io.poolkeeper.emulator.EmulatorPerClass;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LockService} through the Azure SDK against the emulator, and what a lock prevents. */
class LockServiceContractIT {

  @RegisterExtension static final EmulatorPerClass emulated = EmulatedAzure.perClass();

  private final EmulatedAzure azure = EmulatedAzure.on(emulated);
  private final LockService locks = azure.clients.locks();
  private final ManagedImageService images = azure.clients.images();

  private final ImageRef image = new ImageRef(SUBSCRIPTION, IMAGES_GROUP, "render-base");

  @BeforeEach
  void anImageExists() {
    images.beginCreate(ManagedImageServiceContractIT.fromSnapshots(image));
    azure.advance(Duration.ofMinutes(30));
  }

  @Test
  void aDeleteLockIsListedAndBlocksDeletingTheImage() {
    locks.putDeleteLock(
        image.resourceId(), "poolkeeper-in-use", "Used by BatchPool render/render-pool");

    assertThat(locks.listLocks(image.resourceId()))
        .extracting(LockInfo::name, LockInfo::level, LockInfo::notes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "poolkeeper-in-use", "CanNotDelete", "Used by BatchPool render/render-pool"));
    assertThatThrownBy(() -> images.beginDelete(image))
        .isInstanceOfSatisfying(
            AzureException.Conflict.class, conflict -> assertThat(conflict.scopeLocked()).isTrue())
        .hasMessageContaining(
            "cannot perform delete operation because following scope(s) are locked");
    assertThat(images.get(image)).isPresent();
  }

  @Test
  void puttingTheSameLockTwiceKeepsOne() {
    locks.putDeleteLock(image.resourceId(), "poolkeeper-in-use", "first");
    locks.putDeleteLock(image.resourceId(), "poolkeeper-in-use", "second");

    assertThat(locks.listLocks(image.resourceId()))
        .singleElement()
        .extracting(LockInfo::notes)
        .isEqualTo("second");
  }

  @Test
  void removingTheLockAllowsTheDelete() {
    locks.putDeleteLock(image.resourceId(), "poolkeeper-in-use", "in use");

    locks.removeLock(image.resourceId(), "poolkeeper-in-use");

    assertThat(locks.listLocks(image.resourceId())).isEmpty();
    images.beginDelete(image);
    azure.advance(Duration.ofMinutes(30));
    assertThat(images.get(image)).isEmpty();
  }

  @Test
  void removingAMissingLockIsDone() {
    locks.removeLock(image.resourceId(), "never-put");

    assertThat(locks.listLocks(image.resourceId())).isEmpty();
  }
}
