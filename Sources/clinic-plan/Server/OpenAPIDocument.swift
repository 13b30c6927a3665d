/// The API's OpenAPI 3 document, written by hand (served at `/api/v1/openapi.json`).
enum OpenAPIDocument {
    static let text = #"""
{
 "openapi": "3.0.3",
 "info": {
  "title": "clinic-plan serve API",
  "version": "1.0.0",
  "description": "The documents of the CLI's --format json, cut to what the signed-in user may see. Sign in with the session cookie of POST /login (then send X-CSRF-Token on writes) or with a bearer token an admin issues (POST /api/v1/tokens). Errors are application/problem+json."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearer": []
  },
  {
   "session": []
  }
 ],
 "paths": {
  "/api/v1/plan": {
   "get": {
    "summary": "The week's plan (plan --format json)",
    "parameters": [
     {
      "name": "week",
      "in": "query",
      "required": false,
      "description": "any date of the week (YYYY-MM-DD)",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "doctor",
      "in": "query",
      "required": false,
      "description": "a doctor's _id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the plan",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/conflicts": {
   "get": {
    "summary": "Conflicts (conflicts --format json)",
    "parameters": [
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "first date",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "days",
      "in": "query",
      "required": false,
      "description": "number of days",
      "schema": {
       "type": "integer"
      }
     },
     {
      "name": "doctor",
      "in": "query",
      "required": false,
      "description": "a doctor's _id",
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the conflict report",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/reports/{name}": {
   "get": {
    "summary": "One of the fourteen reports (report NAME --format json)",
    "parameters": [
     {
      "name": "name",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "from",
      "in": "query",
      "required": false,
      "description": "first date",
      "schema": {
       "type": "string",
       "format": "date"
      }
     },
     {
      "name": "days",
      "in": "query",
      "required": false,
      "description": "number of days",
      "schema": {
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "the report",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/people": {
   "get": {
    "summary": "Doctors, and the patients and reps the user may see",
    "responses": {
     "200": {
      "description": "people",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "doctors",
          "patients",
          "medical_reps"
         ],
         "properties": {
          "doctors": {
           "type": "array",
           "items": {
            "type": "object"
           }
          },
          "patients": {
           "type": "array",
           "items": {
            "type": "object"
           }
          },
          "medical_reps": {
           "type": "array",
           "items": {
            "type": "object"
           }
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/bookings": {
   "post": {
    "summary": "Book an appointment (patient) or request a rep visit (rep) after the five checks",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "required": [
         "doctor",
         "date",
         "time"
        ],
        "properties": {
         "doctor": {
          "type": "string"
         },
         "patient": {
          "type": "string"
         },
         "rep": {
          "type": "string"
         },
         "date": {
          "type": "string",
          "format": "date"
         },
         "time": {
          "type": "string",
          "example": "09:40"
         }
        }
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "booked",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "_id",
          "message",
          "changes"
         ],
         "properties": {
          "_id": {
           "type": "string"
          },
          "message": {
           "type": "string"
          },
          "changes": {
           "type": "array",
           "items": {
            "type": "object"
           },
           "description": "the change set, as book --format json prints it"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/bookings/{id}": {
   "delete": {
    "summary": "Cancel an appointment or rep visit (with date: only that occurrence)",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "date",
      "in": "query",
      "required": false,
      "description": "only this occurrence",
      "schema": {
       "type": "string",
       "format": "date"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "cancelled",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "_id",
          "message"
         ],
         "properties": {
          "_id": {
           "type": "string"
          },
          "message": {
           "type": "string"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/rebookings": {
   "post": {
    "summary": "Preview a rebooking (nothing is written)",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "from": {
          "type": "string",
          "format": "date"
         },
         "days": {
          "type": "integer",
          "minimum": 1
         },
         "doctor": {
          "type": "string"
         },
         "closures": {
          "type": "array",
          "items": {
           "type": "object",
           "required": [
            "date"
           ],
           "properties": {
            "date": {
             "type": "string",
             "format": "date"
            },
            "reason": {
             "type": "string"
            }
           }
          }
         }
        }
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "the preview",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "id",
          "rebooking",
          "changes"
         ],
         "properties": {
          "id": {
           "type": "string"
          },
          "rebooking": {
           "type": "object"
          },
          "changes": {
           "type": "array",
           "items": {
            "type": "object"
           },
           "description": "the change set, as book --format json prints it"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/rebookings/{id}/apply": {
   "post": {
    "summary": "Apply a preview as one transaction (409 when the data changed since)",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "applied",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "id",
          "applied",
          "call_list"
         ],
         "properties": {
          "id": {
           "type": "string"
          },
          "applied": {
           "type": "integer"
          },
          "call_list": {
           "type": "string"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  },
  "/api/v1/tokens": {
   "post": {
    "summary": "An admin issues a bearer token acting as a user",
    "requestBody": {
     "required": false,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "email": {
          "type": "string"
         }
        }
       }
      }
     }
    },
    "responses": {
     "201": {
      "description": "the token",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "token",
          "email"
         ],
         "properties": {
          "token": {
           "type": "string"
          },
          "email": {
           "type": "string"
          }
         }
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearer": {
    "type": "http",
    "scheme": "bearer"
   },
   "session": {
    "type": "apiKey",
    "in": "cookie",
    "name": "clinic_session"
   }
  },
  "responses": {
   "Problem": {
    "description": "an error (RFC 9457)",
    "content": {
     "application/problem+json": {
      "schema": {
       "type": "object",
       "required": [
        "title",
        "status",
        "detail"
       ],
       "properties": {
        "type": {
         "type": "string"
        },
        "title": {
         "type": "string"
        },
        "status": {
         "type": "integer"
        },
        "detail": {
         "type": "string"
        },
        "suggestions": {
         "type": "array",
         "items": {
          "type": "string"
         }
        }
       }
      }
     }
    }
   }
  }
 }
}
"""#
}
