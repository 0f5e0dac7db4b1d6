declare namespace App {
  interface Locals {
    tipForm?: unknown;
  }
}
