-- CreateIndex
CREATE INDEX "ArtifactVersion_storageKey_idx" ON "ArtifactVersion"("storageKey");

-- CreateIndex
CREATE INDEX "DirectUpload_storageKey_idx" ON "DirectUpload"("storageKey");

-- CreateIndex
CREATE INDEX "PendingBlobDelete_storageKey_idx" ON "PendingBlobDelete"("storageKey");

