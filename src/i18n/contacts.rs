//! Contacts: people at customers.

texts! {
    ContactTexts {
        // contacts
        contacts: "Contacts",
            "اشخاص رابط";
        add_contact: "Add contact",
            "افزودن شخص رابط";
        edit_contact: "Edit contact",
            "ویرایش شخص رابط";
        field_role: "Role",
            "سمت";
        field_key_person: "Key person",
            "شخص کلیدی";
        field_birthday: "Birthday",
            "تاریخ تولد";
        field_companies: "Companies",
            "شرکت‌ها";
        add_company: "Add a company",
            "افزودن شرکت";
        contact_saved: "Contact saved.",
            "شخص رابط ذخیره شد.";
        no_contacts: "No contacts yet.",
            "هنوز شخص رابطی ثبت نشده است.";
        birthday_soon: "Birthday this week",
            "تولد در همین هفته";
        // timeline
        timeline_contact: "Contact added",
            "شخص رابط افزوده شد";
    }
}
