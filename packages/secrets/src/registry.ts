import type { Detector } from "./define-detector.js";
import ageSecretKey from "./detectors/age-secret-key.js";
import anthropicAdminKey from "./detectors/anthropic-admin-key.js";
import anthropicApiKey from "./detectors/anthropic-api-key.js";
import awsAccessKeyId from "./detectors/aws-access-key-id.js";
import awsSecretAccessKey from "./detectors/aws-secret-access-key.js";
import azureSasToken from "./detectors/azure-sas-token.js";
import azureStorageAccountKey from "./detectors/azure-storage-account-key.js";
import credentialsFile from "./detectors/credentials-file.js";
import databaseUrlPassword from "./detectors/database-url-password.js";
import digitaloceanToken from "./detectors/digitalocean-token.js";
import discordBotToken from "./detectors/discord-bot-token.js";
import discordWebhookUrl from "./detectors/discord-webhook-url.js";
import envFile from "./detectors/env-file.js";
import genericSecretAssignment from "./detectors/generic-secret-assignment.js";
import githubFineGrainedPat from "./detectors/github-fine-grained-pat.js";
import githubOauthToken from "./detectors/github-oauth-token.js";
import githubPat from "./detectors/github-pat.js";
import githubRefreshToken from "./detectors/github-refresh-token.js";
import githubServerToServerToken from "./detectors/github-server-to-server-token.js";
import githubUserToServerToken from "./detectors/github-user-to-server-token.js";
import gitlabDeployToken from "./detectors/gitlab-deploy-token.js";
import gitlabPat from "./detectors/gitlab-pat.js";
import gitlabPipelineTriggerToken from "./detectors/gitlab-pipeline-trigger-token.js";
import gitlabRunnerToken from "./detectors/gitlab-runner-token.js";
import googleApiKey from "./detectors/google-api-key.js";
import googleOauthClientSecret from "./detectors/google-oauth-client-secret.js";
import googleServiceAccount from "./detectors/google-service-account.js";
import hashicorpVaultToken from "./detectors/hashicorp-vault-token.js";
import huggingfaceToken from "./detectors/huggingface-token.js";
import jwt from "./detectors/jwt.js";
import mailgunApiKey from "./detectors/mailgun-api-key.js";
import npmAccessToken from "./detectors/npm-access-token.js";
import npmrcAuthToken from "./detectors/npmrc-auth-token.js";
import openaiApiKey from "./detectors/openai-api-key.js";
import pemFile from "./detectors/pem-file.js";
import pkcs12File from "./detectors/pkcs12-file.js";
import privateKeyDsa from "./detectors/private-key-dsa.js";
import privateKeyEc from "./detectors/private-key-ec.js";
import privateKeyOpenssh from "./detectors/private-key-openssh.js";
import privateKeyPgp from "./detectors/private-key-pgp.js";
import privateKeyPkcs8Encrypted from "./detectors/private-key-pkcs8-encrypted.js";
import privateKeyPkcs8 from "./detectors/private-key-pkcs8.js";
import privateKeyPutty from "./detectors/private-key-putty.js";
import privateKeyRsa from "./detectors/private-key-rsa.js";
import pypiToken from "./detectors/pypi-token.js";
import sendgridApiKey from "./detectors/sendgrid-api-key.js";
import shopifyAccessToken from "./detectors/shopify-access-token.js";
import shopifySharedSecret from "./detectors/shopify-shared-secret.js";
import slackAppToken from "./detectors/slack-app-token.js";
import slackBotToken from "./detectors/slack-bot-token.js";
import slackConfigToken from "./detectors/slack-config-token.js";
import slackLegacyToken from "./detectors/slack-legacy-token.js";
import slackUserToken from "./detectors/slack-user-token.js";
import slackWebhookUrl from "./detectors/slack-webhook-url.js";
import sshPrivateKeyFile from "./detectors/ssh-private-key-file.js";
import stripeRestrictedKey from "./detectors/stripe-restricted-key.js";
import stripeSecretKey from "./detectors/stripe-secret-key.js";
import stripeTestKey from "./detectors/stripe-test-key.js";
import stripeWebhookSecret from "./detectors/stripe-webhook-secret.js";
import telegramBotToken from "./detectors/telegram-bot-token.js";
import twilioApiKey from "./detectors/twilio-api-key.js";
import twilioAuthToken from "./detectors/twilio-auth-token.js";
import urlPassword from "./detectors/url-password.js";

/** Every built-in detector, sorted by id. */
export const DETECTORS: readonly Detector[] = [
  ageSecretKey,
  anthropicAdminKey,
  anthropicApiKey,
  awsAccessKeyId,
  awsSecretAccessKey,
  azureSasToken,
  azureStorageAccountKey,
  credentialsFile,
  databaseUrlPassword,
  digitaloceanToken,
  discordBotToken,
  discordWebhookUrl,
  envFile,
  genericSecretAssignment,
  githubFineGrainedPat,
  githubOauthToken,
  githubPat,
  githubRefreshToken,
  githubServerToServerToken,
  githubUserToServerToken,
  gitlabDeployToken,
  gitlabPat,
  gitlabPipelineTriggerToken,
  gitlabRunnerToken,
  googleApiKey,
  googleOauthClientSecret,
  googleServiceAccount,
  hashicorpVaultToken,
  huggingfaceToken,
  jwt,
  mailgunApiKey,
  npmAccessToken,
  npmrcAuthToken,
  openaiApiKey,
  pemFile,
  pkcs12File,
  privateKeyDsa,
  privateKeyEc,
  privateKeyOpenssh,
  privateKeyPgp,
  privateKeyPkcs8Encrypted,
  privateKeyPkcs8,
  privateKeyPutty,
  privateKeyRsa,
  pypiToken,
  sendgridApiKey,
  shopifyAccessToken,
  shopifySharedSecret,
  slackAppToken,
  slackBotToken,
  slackConfigToken,
  slackLegacyToken,
  slackUserToken,
  slackWebhookUrl,
  sshPrivateKeyFile,
  stripeRestrictedKey,
  stripeSecretKey,
  stripeTestKey,
  stripeWebhookSecret,
  telegramBotToken,
  twilioApiKey,
  twilioAuthToken,
  urlPassword,
];
