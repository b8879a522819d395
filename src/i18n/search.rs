//! Global search.

texts! {
    SearchTexts {
        // global search
        search_everything: "Search customers, contacts, activities, tasks…",
            "جستجو در مشتریان، اشخاص، فعالیت‌ها و کارها…";
        search: "Search",
            "جستجو";
        nothing_found: "Nothing found.",
            "چیزی پیدا نشد.";
        more_results: "more",
            "مورد دیگر";
    }
}
