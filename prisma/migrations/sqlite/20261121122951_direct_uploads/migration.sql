-- CreateTable
CREATE TABLE "DirectUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "namespaceId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "backend" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "backendUploadId" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "partSize" INTEGER NOT NULL,
    "partCount" INTEGER NOT NULL,
    "sha256" TEXT,
    "fields" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "artifactId" TEXT,
    "version" INTEGER,
    "failure" TEXT
);

-- CreateIndex
CREATE INDEX "DirectUpload_status_expiresAt_idx" ON "DirectUpload"("status", "expiresAt");

